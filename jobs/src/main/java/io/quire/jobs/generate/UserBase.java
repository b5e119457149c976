package io.quire.jobs.generate;

import io.quire.jobs.model.User;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Registered users and how likely each is to place the next order: a loyal core (about 6% of
 * users, twenty times as active) and a long tail with Pareto-distributed activity, most of whom
 * buy once or never.
 */
final class UserBase {
  private final List<User> users = new ArrayList<>();
  private final WeightedSampler activity;

  UserBase(int n, LocalDate firstOrderDay, SplittableRandom rnd) {
    WeightedSampler cities = new WeightedSampler(Vocabulary.CITY_WEIGHTS);
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      LocalDate reg = firstOrderDay.minusDays(30 + rnd.nextInt(5 * 365));
      users.add(new User(i + 1, reg, Vocabulary.CITIES.get(cities.sample(rnd))));
      boolean loyal = rnd.nextDouble() < 0.06;
      w[i] = loyal ? 20.0 : Math.min(8.0, 0.3 / Math.pow(1.0 - rnd.nextDouble(), 0.7));
    }
    activity = new WeightedSampler(w);
  }

  List<User> users() {
    return users;
  }

  User next(SplittableRandom rnd) {
    return users.get(activity.sample(rnd));
  }
}
