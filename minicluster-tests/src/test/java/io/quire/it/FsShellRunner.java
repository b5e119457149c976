package io.quire.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FsShell;
import org.apache.hadoop.util.ToolRunner;

/**
 * Runs Hadoop's FsShell in-process, exactly as {@code scripts/quire fs} runs it in its own JVM,
 * and captures what it prints.
 */
final class FsShellRunner {
  private final Configuration conf;

  FsShellRunner(Configuration conf) {
    this.conf = conf;
  }

  synchronized ShellResult run(String... args) throws Exception {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(o);
      System.setErr(e);
      FsShell shell = new FsShell(new Configuration(conf));
      try {
        rc = ToolRunner.run(shell, args);
      } finally {
        shell.close();
      }
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new ShellResult(rc, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
