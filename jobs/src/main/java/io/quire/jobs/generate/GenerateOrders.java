package io.quire.jobs.generate;

import io.quire.jobs.cli.Args;
import io.quire.jobs.archive.ArchiveLayout;
import io.quire.jobs.archive.AvroPartWriter;
import io.quire.jobs.archive.JsonLinesPartWriter;
import io.quire.jobs.archive.PartWriter;
import io.quire.jobs.model.Book;
import io.quire.jobs.model.CatalogCsv;
import io.quire.jobs.model.MalformedReason;
import io.quire.jobs.model.OrderJsonCodec;
import io.quire.jobs.model.UsersCsv;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * Writes a seeded, reproducible bookstore archive ({@link ArchiveLayout}) to any Hadoop
 * FileSystem:
 * <pre>
 * generate --orders N --days D --seed S --out URI [--start YYYY-MM-DD]
 *          [--malformed-share X] [--format avro|jsonl|jsonl.gz] [--codec deflate|snappy]
 *          [--books B] [--users U]
 * </pre>
 * The same arguments write the same bytes. The target directory must not exist (the archive is
 * written once).
 */
public final class GenerateOrders extends Configured implements Tool {
  private static final Set<String> OPTIONS = Set.of("orders", "days", "seed", "out", "start",
      "malformed-share", "format", "codec", "books", "users");
  private static final LocalDate DEFAULT_START = LocalDate.of(2025, 1, 1);

  /** What a run wrote. */
  public record Summary(long orders, long malformed, int files, long bytes, double seconds) {
  }

  @Override
  public int run(String[] argv) throws IOException {
    Args a = new Args(argv, OPTIONS);
    Summary s = generate(a, System.console() != null);
    System.err.printf(Locale.ROOT, "wrote %,d orders (%,d malformed) in %,d files, %,d bytes,"
        + " %.1f s (%,.0f orders/s) to %s%n", s.orders(), s.malformed(), s.files(), s.bytes(),
        s.seconds(), s.orders() / Math.max(1e-3, s.seconds()), a.required("out"));
    return 0;
  }

  /** Generates the archive described by the options; progress goes to stderr. */
  public Summary generate(Args a, boolean tty) throws IOException {
    long orders = a.getLong("orders", 200_000);
    int days = (int) a.getLong("days", 365);
    long seed = a.getLong("seed", 42);
    double malformedShare = a.getDouble("malformed-share", 0);
    String format = a.get("format", "avro");
    String codec = a.get("codec", "deflate");
    int nBooks = (int) a.getLong("books", Math.max(200, Math.min(20_000, orders / 100)));
    int nUsers = (int) a.getLong("users", Math.max(100, orders / 3));
    LocalDate start = LocalDate.parse(a.get("start", DEFAULT_START.toString()));
    if (!Set.of("avro", "jsonl", "jsonl.gz").contains(format)) {
      throw new IllegalArgumentException("--format must be avro, jsonl or jsonl.gz: " + format);
    }
    Path root = new Path(a.required("out"));
    FileSystem fs = root.getFileSystem(getConf());
    if (fs.exists(root)) {
      throw new FileAlreadyExistsException("generate: archive root " + fs.makeQualified(root)
          + " already exists; archives are written once, pick a new --out");
    }
    ArchiveLayout layout = new ArchiveLayout(root);
    long t0 = System.nanoTime();

    List<Book> books = CatalogGenerator.generate(nBooks, new SplittableRandom(seed));
    UserBase users = new UserBase(nUsers, start, new SplittableRandom(seed + 1));
    try (Writer w = new OutputStreamWriter(fs.create(layout.catalog(), false),
        StandardCharsets.UTF_8)) {
      CatalogCsv.write(books, w);
    }
    try (Writer w = new OutputStreamWriter(fs.create(layout.users(), false),
        StandardCharsets.UTF_8)) {
      UsersCsv.write(users.users(), w);
    }

    SplittableRandom rnd = new SplittableRandom(seed + 2);
    DayCalendar cal = new DayCalendar(start, days, rnd);
    OrderGenerator gen = new OrderGenerator(books, users, cal, rnd);
    boolean json = !format.equals("avro");
    MalformedInjector inject = new MalformedInjector(malformedShare, json, books.size());
    SplittableRandom faults = new SplittableRandom(seed + 3);
    OrderJsonCodec jsonCodec = new OrderJsonCodec();
    long[] perDay = cal.allocate(orders);
    Progress progress = new Progress(System.err, tty, orders, "orders");
    long done = 0;
    long malformed = 0;
    int files = 0;
    for (int d = 0; d < days; d++) {
      if (perDay[d] == 0) {
        continue;
      }
      LocalDate day = cal.day(d);
      Path file = layout.partFile(day, 0, json ? format : "avro");
      try (PartWriter w = json
          ? new JsonLinesPartWriter(fs.create(file, false), format.endsWith(".gz"))
          : new AvroPartWriter(fs.create(file, false), codec,
              seed * 1_000_003L + day.toEpochDay())) {
        for (GeneratedOrder o : gen.day(d, perDay[d], rnd)) {
          MalformedReason why = inject.pick(faults);
          if (why != null) {
            malformed++;
            o = inject.corrupt(o, why);
          }
          if (why == MalformedReason.UNPARSEABLE || why == MalformedReason.MISSING_FIELD) {
            String line = jsonCodec.toJson(o.orderId(), o.userId(), o.placedAt(), o.status(),
                o.city(), o.items());
            w.writeGarbage(why == MalformedReason.UNPARSEABLE
                ? line.substring(0, line.length() / 2)
                : line.replaceFirst(",\"city\":\"[^\"]*\"", ""));
          } else {
            w.write(o.orderId(), o.userId(), o.placedAt(), o.status(), o.city(), o.items());
          }
          progress.update(++done);
        }
      }
      files++;
    }
    progress.finish(done);
    long bytes = fs.getContentSummary(root).getLength();
    return new Summary(done, malformed, files, bytes, (System.nanoTime() - t0) / 1e9);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new GenerateOrders(), args));
  }
}
