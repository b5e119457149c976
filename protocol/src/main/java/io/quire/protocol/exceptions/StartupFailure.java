package io.quire.protocol.exceptions;

import java.io.IOException;
import java.net.BindException;

/**
 * The one line a server's {@code main} prints when it cannot start: the message that names
 * the problem (the first IOException of the cause chain, else the root cause), and for a port
 * already in use, which keys move the server to another port. No stack trace: an operator
 * starting a daemon needs the fix, not the call path.
 */
public final class StartupFailure {
  private StartupFailure() { }

  /**
   * @param server  "namenode", "datanode": the prefix of the line
   * @param portKeys the configuration keys of the server's listening addresses, for the hint
   */
  public static String oneLine(String server, Throwable t, String portKeys) {
    return oneLine(server, t, portKeys, null);
  }

  /**
   * @param address the configured listening address, named when the BindException does not
   *     (the JDK's says only "Address already in use"); null when unknown
   */
  public static String oneLine(String server, Throwable t, String portKeys, String address) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof AddressInUseException a) { // names its own address and key
        return server + ": cannot listen: " + flat(a.getMessage()) + " (another process uses"
            + " the port: stop it, or give this " + server + " another port with " + a.key()
            + ")";
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BindException) {
        String m = bindMessage(c);
        if (address != null && !m.contains(address)) {
          m = address + ": " + m;
        }
        return server + ": cannot listen: " + m + " (another process uses the port:"
            + " stop it, or give this " + server + " another port with " + portKeys + ")";
      }
    }
    Throwable c = t;
    while (c.getCause() != null && !(c instanceof IOException)) {
      c = c.getCause();
    }
    return server + ": " + flat(c.getMessage() == null ? c.toString() : c.getMessage());
  }

  /** Hadoop's "Problem binding to [h:p] java.net.BindException: X; For more details see: URL". */
  private static String bindMessage(Throwable bind) {
    String m = flat(String.valueOf(bind.getMessage()));
    m = m.replaceFirst(";\\s*For more details see:.*$", "");
    m = m.replaceFirst("^Problem binding to \\[([^\\]]*)\\] (java\\.net\\.BindException: )?",
        "$1: ");
    return m;
  }

  private static String flat(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
