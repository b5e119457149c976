package io.quire.bench.history;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Where results go: {@code <dir>/<yyyy-MM-dd-HHmm>-<short commit>-<suite>.json} (UTC), with the
 * HTML page of a suite that draws charts next to it under the same name. The directory is
 * {@code $QUIRE_BENCH_RESULTS} when set (scripts/quire sets it to docs/bench of the source
 * checkout or installation), else {@code docs/bench} under the working directory.
 */
public final class ResultFiles {
  public static final String DIR_ENV = "QUIRE_BENCH_RESULTS";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC);

  private final File dir;
  private final String commit;
  private final Machine machine;

  /**
   * Results in {@code dir}, of the code and machine as they are now (make this at the start of
   * a run: a commit or load that changes during it does not describe what was measured).
   */
  public ResultFiles(File dir) {
    this.dir = dir.getAbsoluteFile();
    File existing = this.dir;
    while (existing != null && !existing.isDirectory()) {
      existing = existing.getParentFile();
    }
    commit = GitCommit.of(existing != null ? existing : new File(".").getAbsoluteFile());
    machine = Machine.current();
  }

  /** The directory from the environment (read once, here). */
  public static ResultFiles fromEnvironment() {
    String d = System.getenv(DIR_ENV);
    return new ResultFiles(new File(d == null || d.isEmpty() ? "docs/bench" : d));
  }

  public File dir() {
    return dir;
  }

  /** The base name (no extension) of a result: date, short commit, suite. */
  public static String baseName(BenchResult r) {
    return STAMP.format(r.date()) + "-" + GitCommit.shortForm(r.commit()) + "-" + r.suite();
  }

  public Path jsonFile(BenchResult r) {
    return dir.toPath().resolve(baseName(r) + ".json");
  }

  public Path htmlFile(BenchResult r) {
    return dir.toPath().resolve(baseName(r) + ".html");
  }

  /**
   * A result ending now, of the commit of {@link #dir}'s checkout and the machine as they were
   * when this was made.
   */
  public BenchResult result(String suite, Map<String, String> settings, List<Limit> limits,
      List<Figure> figures) {
    return new BenchResult(suite, Instant.now(), commit, machine, settings, limits, figures);
  }

  /** Writes the JSON and prints where. */
  public Path save(BenchResult r) throws IOException {
    Path p = jsonFile(r);
    ResultJson.write(r, p);
    System.out.println("Result written to " + p);
    return p;
  }
}
