package io.quire.minicluster.testing;

import io.quire.admin.HaTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * One run of {@code quire haadmin} ({@link HaTool}) in this JVM, as the current user, with its
 * exit code and what it printed to stdout and stderr.
 */
public record HaToolRun(int exit, String out, String err) {
  /** Runs the tool with {@code args} (generic options included) on a copy of {@code conf}. */
  public static HaToolRun of(Configuration conf, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ToolRunner.run(new Configuration(conf), new HaTool(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    return new HaToolRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
