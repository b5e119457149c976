package io.quire.jobs.generate;

import io.quire.jobs.model.Book;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded book catalog: authors write in one category for one publisher; about a third of the
 * authors write a series of 3-6 books. Ids run 1..n; ISBN-13s carry a valid check digit.
 */
final class CatalogGenerator {
  private CatalogGenerator() {
  }

  static List<Book> generate(int n, SplittableRandom rnd) {
    WeightedSampler categories = new WeightedSampler(Vocabulary.CATEGORY_WEIGHTS);
    List<Book> books = new ArrayList<>(n);
    int authorNo = 0;
    while (books.size() < n) {
      authorNo++;
      String author = pick(Vocabulary.FIRST, rnd) + " " + pick(Vocabulary.LAST, rnd)
          + (authorNo > 300 ? " " + (char) ('A' + authorNo % 26) + "." : "");
      String category = Vocabulary.CATEGORIES.get(categories.sample(rnd));
      String publisher = pick(Vocabulary.PUBLISHERS, rnd);
      boolean series = rnd.nextDouble() < 0.33;
      int count = series ? 3 + rnd.nextInt(4) : 1 + rnd.nextInt(3);
      String seriesName = series ? "The " + pick(Vocabulary.NOUN, rnd) + " Cycle #" + authorNo : "";
      long basePrice = 699 + rnd.nextInt(2300);
      for (int i = 0; i < count && books.size() < n; i++) {
        long id = books.size() + 1;
        String title = series
            ? seriesName.substring(4, seriesName.indexOf(" Cycle")) + " " + (i + 1) + ": The "
                + pick(Vocabulary.ADJ, rnd) + " " + pick(Vocabulary.NOUN, rnd)
            : "The " + pick(Vocabulary.ADJ, rnd) + " " + pick(Vocabulary.NOUN, rnd);
        long price = (basePrice + rnd.nextInt(400)) / 100 * 100 + 99;
        books.add(new Book(id, isbn13(id), title, author, publisher, category, price,
            1960 + rnd.nextInt(66), seriesName));
      }
    }
    return books;
  }

  static String isbn13(long id) {
    String body = String.format("978%09d", id % 1_000_000_000L);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      int d = body.charAt(i) - '0';
      sum += (i % 2 == 0) ? d : 3 * d;
    }
    return body + ((10 - sum % 10) % 10);
  }

  private static String pick(List<String> l, SplittableRandom rnd) {
    return l.get(rnd.nextInt(l.size()));
  }
}
