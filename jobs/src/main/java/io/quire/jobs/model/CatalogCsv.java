package io.quire.jobs.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The book catalog as CSV (UTF-8, header line, RFC 4180 quoting):
 * {@code book_id,isbn,title,author,publisher,category,list_price,year,series}; list_price is a
 * decimal with two fraction digits, series empty for stand-alone books.
 */
public final class CatalogCsv {
  public static final String HEADER =
      "book_id,isbn,title,author,publisher,category,list_price,year,series";

  private CatalogCsv() {
  }

  public static void write(List<Book> books, Writer w) throws IOException {
    w.write(HEADER);
    w.write('\n');
    for (Book b : books) {
      w.write(Csv.line(Long.toString(b.id()), b.isbn(), b.title(), b.author(), b.publisher(),
          b.category(), BigDecimal.valueOf(b.listPriceCents(), 2).toPlainString(),
          Integer.toString(b.year()), b.series()));
      w.write('\n');
    }
  }

  /** @throws IOException naming the line number of a row that does not parse */
  public static List<Book> read(BufferedReader r) throws IOException {
    List<Book> out = new ArrayList<>();
    String line = r.readLine();
    if (line == null || !line.equals(HEADER)) {
      throw new IOException("catalog CSV: expected header '" + HEADER + "', got '" + line + "'");
    }
    int no = 1;
    while ((line = r.readLine()) != null) {
      no++;
      if (line.isEmpty()) {
        continue;
      }
      List<String> f = Csv.split(line);
      try {
        out.add(new Book(Long.parseLong(f.get(0)), f.get(1), f.get(2), f.get(3), f.get(4),
            f.get(5), new BigDecimal(f.get(6)).movePointRight(2).longValueExact(),
            Integer.parseInt(f.get(7)), f.get(8)));
      } catch (RuntimeException e) {
        throw new IOException("catalog CSV line " + no + " does not parse: " + line, e);
      }
    }
    return out;
  }
}
