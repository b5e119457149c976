package io.quire.jobs.generate;

import io.quire.jobs.model.Book;
import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.OrderStatus;
import io.quire.jobs.model.User;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The orders of one day, in time order. Shape: Zipf-like book popularity (s = {@value #ZIPF_S},
 * q = {@value #ZIPF_Q} over a seeded ranking), basket sizes mostly 1-3, the next book of a basket
 * often from the same series or author, quantities mostly 1, sale-day discounts, about 3% cancelled
 * and 1.5% refunded, most orders shipped to the customer's own city, busiest in the evening.
 */
final class OrderGenerator {
  static final double ZIPF_S = 1.1;
  static final double ZIPF_Q = 8;
  private static final double[] BASKET = {0, 52, 26, 12, 5, 2.5, 1.2, 0.8, 0.5};
  private static final double[] HOURS = {1.5, 0.8, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 3.5, 4, 4.3,
      4.6, 5.2, 5, 4.6, 4.5, 4.6, 5, 5.8, 6.6, 7.2, 6.8, 5, 3};

  private final List<Book> books;
  private final int[] rankToBook;
  private final WeightedSampler popularity;
  private final Map<String, int[]> series = new HashMap<>();
  private final Map<String, int[]> byAuthor = new HashMap<>();
  private final UserBase users;
  private final DayCalendar calendar;
  private final WeightedSampler basket = new WeightedSampler(BASKET);
  private final WeightedSampler hours = new WeightedSampler(HOURS);
  private final WeightedSampler cities = new WeightedSampler(Vocabulary.CITY_WEIGHTS);
  private long nextOrderId = 1;

  OrderGenerator(List<Book> books, UserBase users, DayCalendar calendar, SplittableRandom rnd) {
    this.books = books;
    this.users = users;
    this.calendar = calendar;
    rankToBook = new int[books.size()];
    for (int i = 0; i < rankToBook.length; i++) {
      rankToBook[i] = i;
    }
    for (int i = rankToBook.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = rankToBook[i];
      rankToBook[i] = rankToBook[j];
      rankToBook[j] = t;
    }
    popularity = WeightedSampler.zipf(books.size(), ZIPF_S, ZIPF_Q);
    Map<String, List<Integer>> s = new HashMap<>();
    Map<String, List<Integer>> a = new HashMap<>();
    for (int i = 0; i < books.size(); i++) {
      Book b = books.get(i);
      if (!b.series().isEmpty()) {
        s.computeIfAbsent(b.series(), k -> new ArrayList<>()).add(i);
      }
      a.computeIfAbsent(b.author(), k -> new ArrayList<>()).add(i);
    }
    s.forEach((k, v) -> series.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    a.forEach((k, v) -> byAuthor.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
  }

  List<GeneratedOrder> day(int dayIndex, long count, SplittableRandom rnd) {
    LocalDate d = calendar.day(dayIndex);
    boolean sale = calendar.isSaleDay(d);
    long dayStart = d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    long[] times = new long[(int) count];
    for (int i = 0; i < count; i++) {
      times[i] = dayStart + hours.sample(rnd) * 3_600_000L + rnd.nextLong(3_600_000L);
    }
    Arrays.sort(times);
    List<GeneratedOrder> out = new ArrayList<>((int) count);
    for (long t : times) {
      User u = users.next(rnd);
      double s = rnd.nextDouble();
      OrderStatus status = s < 0.03 ? OrderStatus.CANCELLED
          : s < 0.045 ? OrderStatus.REFUNDED : OrderStatus.COMPLETED;
      String city = rnd.nextDouble() < 0.9 ? u.city()
          : Vocabulary.CITIES.get(cities.sample(rnd));
      out.add(new GeneratedOrder(nextOrderId++, u.id(), t, status.wireName(), city,
          basket(sale, rnd)));
    }
    return out;
  }

  private List<LineItem> basket(boolean sale, SplittableRandom rnd) {
    int size = basket.sample(rnd);
    List<Integer> chosen = new ArrayList<>(size);
    chosen.add(rankToBook[popularity.sample(rnd)]);
    for (int tries = 0; chosen.size() < size && tries < 4 * size; tries++) {
      int candidate = companion(chosen.get(chosen.size() - 1), rnd);
      if (!chosen.contains(candidate)) {
        chosen.add(candidate);
      }
    }
    List<LineItem> items = new ArrayList<>(chosen.size());
    for (int idx : chosen) {
      Book b = books.get(idx);
      double q = rnd.nextDouble();
      int qty = q < 0.88 ? 1 : q < 0.97 ? 2 : 3;
      long price = b.listPriceCents();
      if (sale) {
        price = price * 80 / 100;
      } else if (rnd.nextDouble() < 0.1) {
        price = price * (85 + rnd.nextInt(11)) / 100;
      }
      items.add(new LineItem(b.id(), qty, price));
    }
    return items;
  }

  private int companion(int previous, SplittableRandom rnd) {
    Book prev = books.get(previous);
    double p = rnd.nextDouble();
    if (p < 0.5 && !prev.series().isEmpty()) {
      int[] s = series.get(prev.series());
      return s[rnd.nextInt(s.length)];
    }
    if (p < 0.65) {
      int[] a = byAuthor.get(prev.author());
      return a[rnd.nextInt(a.length)];
    }
    return rankToBook[popularity.sample(rnd)];
  }
}
