package io.quire.bench.history;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The commit of a source checkout, for a result: {@code git rev-parse HEAD} in a directory. */
public final class GitCommit {
  public static final String UNKNOWN = "unknown";

  private GitCommit() {}

  /**
   * HEAD's full hash, with "+dirty" when tracked files differ from it; {@value #UNKNOWN} when
   * {@code dir} is not in a git checkout or git is missing (a distribution).
   */
  public static String of(File dir) {
    String head = git(dir, "rev-parse", "HEAD");
    if (head == null || head.isEmpty()) {
      return UNKNOWN;
    }
    String status = git(dir, "status", "--porcelain", "--untracked-files=no");
    return status == null || status.isEmpty() ? head : head + "+dirty";
  }

  /** The first 7 characters of a hash (the whole string when shorter, as "unknown"). */
  public static String shortForm(String commit) {
    String c = commit.replace("+dirty", "");
    return (c.length() > 7 && !c.equals(UNKNOWN) ? c.substring(0, 7) : c)
        + (commit.endsWith("+dirty") ? "-dirty" : "");
  }

  private static String git(File dir, String... args) {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "git";
    cmd[1] = "-C";
    cmd[2] = dir.getAbsolutePath();
    System.arraycopy(args, 0, cmd, 3, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? out : null;
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
