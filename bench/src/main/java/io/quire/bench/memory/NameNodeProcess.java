package io.quire.bench.memory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A NameNode in a JVM of its own ({@link NameNodeProcessMain} on this JVM's class path), so its
 * heap holds the NameNode and nothing else. Its log goes to {@code <dir>/<target>-<n>.log}.
 */
final class NameNodeProcess implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final OutputStream stdin;
  private final long readyMillis;
  private final long wallMillis;

  /**
   * Starts the child and waits until its NameNode serves ({@code timeoutSeconds} at most).
   *
   * @param format format the name directory first (a fresh namespace)
   */
  NameNodeProcess(String target, File nameDir, int port, boolean format, String heap,
      long retryCacheExpiryMs, File log, long timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(new File(System.getProperty("java.home"), "bin/java").getPath());
    cmd.add("-Xmx" + heap);
    String log4j = System.getProperty("log4j.configuration");
    if (log4j != null) {
      cmd.add("-Dlog4j.configuration=" + log4j);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(NameNodeProcessMain.class.getName());
    cmd.add(target);
    cmd.add(nameDir.getAbsolutePath());
    cmd.add(Integer.toString(port));
    cmd.add(format ? "format" : "existing");
    cmd.add(Long.toString(retryCacheExpiryMs));
    long t0 = System.nanoTime();
    process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    stdin = process.getOutputStream();
    PrintStream logOut = new PrintStream(log, StandardCharsets.UTF_8);
    Thread pump = new Thread(() -> pump(logOut), "nn-child-output");
    pump.setDaemon(true);
    pump.start();
    String ready = await("READY", timeoutSeconds);
    wallMillis = (System.nanoTime() - t0) / 1_000_000;
    readyMillis = Long.parseLong(ready.split(" ")[1]);
  }

  private void pump(PrintStream logOut) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith(NameNodeProcessMain.PREFIX)) {
          replies.add(line.substring(NameNodeProcessMain.PREFIX.length()));
        } else {
          logOut.println(line);
        }
      }
    } catch (IOException e) {
      // the child exited
    } finally {
      replies.add("EXITED");
      logOut.close();
    }
  }

  private String await(String word, long timeoutSeconds) throws IOException,
      InterruptedException {
    String r = replies.poll(timeoutSeconds, TimeUnit.SECONDS);
    if (r == null || !r.startsWith(word)) {
      process.destroyForcibly();
      throw new IOException("NameNode child (pid " + process.pid() + "): expected " + word
          + ", got " + (r == null ? "nothing in " + timeoutSeconds + " s" : r)
          + " (see its log)");
    }
    return r;
  }

  long pid() {
    return process.pid();
  }

  /** From before the NameNode loaded its name directory to serving, measured in the child. */
  long readyMillis() {
    return readyMillis;
  }

  /** From starting the JVM to the NameNode serving, measured here. */
  long wallMillis() {
    return wallMillis;
  }

  /** Saves a checkpoint: returns {ms it took, image bytes}. */
  long[] checkpoint(long timeoutSeconds) throws IOException, InterruptedException {
    send("checkpoint");
    String[] f = await("CHECKPOINT", timeoutSeconds).split(" ");
    return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
  }

  private void send(String command) throws IOException {
    stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /** Stops the NameNode cleanly and waits for the JVM to exit (killed after 60 s). */
  @Override public void close() throws IOException, InterruptedException {
    if (process.isAlive()) {
      try {
        send("stop");
      } catch (IOException e) {
        // already gone
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
