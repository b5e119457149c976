package io.quire.jobs.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How many orders fall on each day: a weekly rhythm (weekends busiest), a season (December
 * peak, August slump), slow growth over the period, and sale days (Black Friday, Cyber Monday
 * and a few seeded promotions) with spikes. Counts are allocated by largest remainder, so they
 * add up exactly to the requested total.
 */
final class DayCalendar {
  private static final double[] WEEKDAY = {0.92, 0.95, 0.97, 1.0, 1.05, 1.2, 1.12};

  private final LocalDate start;
  private final int days;
  private final Set<LocalDate> saleDays = new HashSet<>();
  private final double[] weights;

  DayCalendar(LocalDate start, int days, SplittableRandom rnd) {
    this.start = start;
    this.days = days;
    for (int y = start.getYear(); y <= start.plusDays(days).getYear(); y++) {
      LocalDate bf = LocalDate.of(y, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4,
          DayOfWeek.THURSDAY)).plusDays(1);
      saleDays.add(bf);
      saleDays.add(bf.plusDays(3));
    }
    int promos = Math.max(1, days / 90);
    for (int i = 0; i < promos; i++) {
      saleDays.add(start.plusDays(rnd.nextInt(Math.max(1, days))));
    }
    weights = new double[days];
    for (int i = 0; i < days; i++) {
      weights[i] = weight(start.plusDays(i), i);
    }
  }

  private double weight(LocalDate d, int index) {
    double w = WEEKDAY[d.getDayOfWeek().getValue() - 1];
    if (d.getMonthValue() == 12 && d.getDayOfMonth() <= 23) {
      w *= 1.7;
    } else if (d.getMonthValue() == 8) {
      w *= 0.8;
    } else if (d.getMonthValue() == 1 && d.getDayOfMonth() <= 10) {
      w *= 0.85;
    }
    w *= 1.0 + 0.25 * index / Math.max(1, days);
    if (saleDays.contains(d)) {
      w *= d.getDayOfWeek() == DayOfWeek.FRIDAY && d.getMonthValue() == 11 ? 3.5 : 2.3;
    }
    return w;
  }

  boolean isSaleDay(LocalDate d) {
    return saleDays.contains(d);
  }

  LocalDate day(int index) {
    return start.plusDays(index);
  }

  /** Orders per day, summing exactly to {@code total}. */
  long[] allocate(long total) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    long[] counts = new long[days];
    double[] rest = new double[days];
    long given = 0;
    for (int i = 0; i < days; i++) {
      double exact = total * weights[i] / sum;
      counts[i] = (long) Math.floor(exact);
      rest[i] = exact - counts[i];
      given += counts[i];
    }
    while (given < total) {
      int best = 0;
      for (int i = 1; i < days; i++) {
        if (rest[i] > rest[best]) {
          best = i;
        }
      }
      counts[best]++;
      rest[best] = -1;
      given++;
    }
    return counts;
  }
}
