package io.quire.it;

import io.quire.minicluster.Timing;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A NameNode process of its own, killable with SIGKILL. */
final class ForkedNameNode implements AutoCloseable {
  private final Process process;

  private ForkedNameNode(Process process) {
    this.process = process;
  }

  /** Starts {@link ForkedNameNodeMain} on {@code confFile}; returns once it printed READY. */
  static ForkedNameNode start(File confFile, File log) throws Exception {
    String java = System.getProperty("java.home") + "/bin/java";
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx512m",
        "-cp", System.getProperty("java.class.path"),
        ForkedNameNodeMain.class.getName(), confFile.getAbsolutePath()));
    pb.redirectError(ProcessBuilder.Redirect.appendTo(log));
    Process p = pb.start();
    BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
      try {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("READY ")) {
            return line;
          }
        }
        return null;
      } catch (IOException e) {
        return null;
      }
    });
    String line = ready.get(Timing.seconds(60).toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      p.destroyForcibly();
      throw new IOException("forked NameNode exited before it was ready; see " + log);
    }
    return new ForkedNameNode(p);
  }

  /** SIGKILL: no shutdown hook, no flush, no clean close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
