package io.quire.minicluster;

import io.quire.testing.Timing;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A NameNode or DataNode process of its own ({@link ForkedNameNodeMain} or
 * {@link ForkedDataNodeMain} on this JVM's class path), so a test can do to it what happens to
 * real daemons: SIGKILL ({@link #kill}), SIGTERM ({@link #terminate}), SIGSTOP and SIGCONT
 * ({@link #pause}, {@link #resume}).
 */
public final class ForkedDaemon implements AutoCloseable {
  private final Process process;
  private final String ready;

  private ForkedDaemon(Process process, String ready) {
    this.process = process;
    this.ready = ready;
  }

  /**
   * Starts a NameNode on the configuration in {@code confFile} (stdout and stderr appended to
   * {@code log}); returns once it printed READY, that is once it serves.
   */
  public static ForkedDaemon startNameNode(File confFile, File log) throws Exception {
    return start(ForkedNameNodeMain.class, confFile, log);
  }

  /**
   * Starts a DataNode on the configuration in {@code confFile} (output appended to {@code log});
   * returns once it printed READY, that is once its data port is bound and it contacts its
   * NameNodes.
   */
  public static ForkedDaemon startDataNode(File confFile, File log) throws Exception {
    return start(ForkedDataNodeMain.class, confFile, log);
  }

  private static ForkedDaemon start(Class<?> main, File confFile, File log) throws Exception {
    String java = System.getProperty("java.home") + "/bin/java";
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC"));
    String krb5 = System.getProperty("java.security.krb5.conf");
    if (krb5 != null) {
      cmd.add("-Djava.security.krb5.conf=" + krb5); // a test's MiniKdc
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        main.getName(), confFile.getAbsolutePath()));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(ProcessBuilder.Redirect.appendTo(log));
    Process p = pb.start();
    BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready = new CompletableFuture<>();
    // Drains stdout (the NameNode logs there) into the log for the process's whole life: a
    // full pipe would block the NameNode.
    Thread drain = new Thread(() -> {
      try (java.io.Writer w = new java.io.FileWriter(log, StandardCharsets.UTF_8, true)) {
        String l;
        while ((l = r.readLine()) != null) {
          if (l.startsWith("READY ")) {
            ready.complete(l);
          }
          w.write(l);
          w.write('\n');
          w.flush();
        }
      } catch (IOException e) {
        // the process is gone
      } finally {
        ready.complete(null);
      }
    }, "forked-output-" + log.getName());
    drain.setDaemon(true);
    drain.start();
    String line;
    try {
      line = ready.get(Timing.seconds(60).toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      line = null;
    }
    if (line == null) {
      p.destroyForcibly();
      throw new IOException("forked " + main.getSimpleName() + " exited or hung before it was"
          + " ready; see " + log);
    }
    return new ForkedDaemon(p, line);
  }

  /** What the daemon printed when it was ready: {@code READY <port> [<DataNode uuid>]}. */
  public String readyLine() {
    return ready;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no flush, no clean close. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /**
   * SIGTERM, then waits up to 30 s for the process to end (its shutdown hook stops the daemon
   * cleanly), then SIGKILL if it has not.
   */
  public void terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /**
   * {@link #terminate} (gently) or {@link #kill}, for a node being stopped: an interrupt ends
   * the wait and stays set on the thread.
   */
  void stop(boolean gently) {
    try {
      if (gently) {
        terminate();
      } else {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGSTOP: the process freezes (threads, timers, its ZooKeeper session's heartbeats). */
  public void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause}. */
  public void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process k = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
        .redirectErrorStream(true).start();
    if (k.waitFor() != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + " failed: "
          + new String(k.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
