package io.quire.jobs.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Users as CSV (UTF-8, header line): {@code user_id,registered,city}, registered ISO date. */
public final class UsersCsv {
  public static final String HEADER = "user_id,registered,city";

  private UsersCsv() {
  }

  public static void write(List<User> users, Writer w) throws IOException {
    w.write(HEADER);
    w.write('\n');
    for (User u : users) {
      w.write(Csv.line(Long.toString(u.id()), u.registered().toString(), u.city()));
      w.write('\n');
    }
  }

  /** @throws IOException naming the line number of a row that does not parse */
  public static List<User> read(BufferedReader r) throws IOException {
    List<User> out = new ArrayList<>();
    String line = r.readLine();
    if (line == null || !line.equals(HEADER)) {
      throw new IOException("users CSV: expected header '" + HEADER + "', got '" + line + "'");
    }
    int no = 1;
    while ((line = r.readLine()) != null) {
      no++;
      List<String> f = Csv.split(line);
      try {
        out.add(new User(Long.parseLong(f.get(0)), LocalDate.parse(f.get(1)), f.get(2)));
      } catch (RuntimeException e) {
        throw new IOException("users CSV line " + no + " does not parse: " + line, e);
      }
    }
    return out;
  }
}
