package io.quire.admin;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.SafeModeAction;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;

/**
 * {@code quire admin safemode get|enter|leave|wait [timeoutSeconds]}: prints "Safe mode is ON"
 * or "Safe mode is OFF" (HDFS's dfsadmin wording). {@code wait} polls until the NameNode has
 * left safe mode (exit 0) or the optional timeout passed (exit 1). enter and leave need the
 * superuser; the NameNode refuses others with AccessControlException.
 */
public final class SafeModeTool extends AdminTool {
  static final long WAIT_POLL_MS = 100;

  public SafeModeTool() {
    this(System.out, System.err);
  }

  public SafeModeTool(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override public String name() { return "safemode"; }

  @Override public String usage() { return "get|enter|leave|wait [timeoutSeconds]"; }

  @Override protected int run(ClientProtocol nn, String[] args) throws IOException {
    if (args.length < 1) {
      throw new UsageException("missing action");
    }
    boolean on;
    switch (args[0]) {
      case "get" -> on = nn.setSafeMode(SafeModeAction.GET);
      case "enter" -> on = nn.setSafeMode(SafeModeAction.ENTER);
      case "leave" -> on = nn.setSafeMode(SafeModeAction.LEAVE);
      case "wait" -> {
        on = waitForOff(nn, args.length > 1 ? parseTimeout(args[1]) : Long.MAX_VALUE);
        if (on) {
          out.println("Safe mode is ON (gave up waiting after " + args[1] + " s)");
          return EXIT_FAILED;
        }
      }
      default -> throw new UsageException("unknown action '" + args[0] + "'");
    }
    out.println("Safe mode is " + (on ? "ON" : "OFF"));
    return EXIT_OK;
  }

  private static long parseTimeout(String s) throws UsageException {
    try {
      return Math.multiplyExact(Long.parseLong(s), 1000L);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new UsageException("timeout '" + s + "' is not a number of seconds");
    }
  }

  /** Polls GET until off or the timeout passed; returns whether safe mode is still on. */
  private static boolean waitForOff(ClientProtocol nn, long timeoutMs) throws IOException {
    long deadline = timeoutMs == Long.MAX_VALUE ? Long.MAX_VALUE
        : System.currentTimeMillis() + timeoutMs;
    while (nn.setSafeMode(SafeModeAction.GET)) {
      if (System.currentTimeMillis() >= deadline) {
        return true;
      }
      try {
        Thread.sleep(WAIT_POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("safemode wait: interrupted");
      }
    }
    return false;
  }
}
