package io.quire.bench.memory;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM of the memory suite: {@code NameNodeProcessMain quire|hdfs NAME_DIR PORT
 * format|existing RETRY_CACHE_EXPIRY_MS}. Formats when asked, starts the NameNode, then answers
 * commands on stdin, one per line, with a line on stdout starting {@value #PREFIX}:
 * <ul>
 * <li>(at start) {@code READY <ms>}: the NameNode serves; ms from before loading to serving
 * <li>{@code checkpoint} -> {@code CHECKPOINT <ms> <image bytes>}
 * <li>{@code stop} -> {@code STOPPED}, then the JVM exits
 * </ul>
 * A failure prints {@code FAILED <message>} and exits 1. Everything else on stdout is logging.
 */
public final class NameNodeProcessMain {
  static final String PREFIX = "@@bench-nn ";

  private NameNodeProcessMain() {}

  public static void main(String[] args) {
    try {
      File dir = new File(args[1]);
      int port = Integer.parseInt(args[2]);
      long expiry = Long.parseLong(args[4]);
      ChildNameNode nn = args[0].equals("quire") ? new QuireChildNameNode(dir, port, expiry)
          : new HdfsChildNameNode(dir, port, expiry);
      if (args[3].equals("format")) {
        nn.format();
      }
      long t0 = System.nanoTime();
      nn.start();
      say("READY " + (System.nanoTime() - t0) / 1_000_000);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
          StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        switch (line.trim()) {
          case "checkpoint" -> {
            long t = System.nanoTime();
            long bytes = nn.checkpoint();
            say("CHECKPOINT " + (System.nanoTime() - t) / 1_000_000 + " " + bytes);
          }
          case "stop" -> {
            nn.stop();
            say("STOPPED");
            System.exit(0);
          }
          default -> say("FAILED unknown command " + line);
        }
      }
      nn.stop(); // the parent went away
      System.exit(0);
    } catch (Throwable t) {
      say("FAILED " + t);
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static void say(String s) {
    System.out.println(PREFIX + s);
    System.out.flush();
  }
}
