package io.quire.protocol.ha;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hint a NameNode that is not active puts at the end of its StandbyException message: the
 * address of the NameNode it believes active, as {@code " [active: host:port]"}. A client that
 * reads one fails over straight to that NameNode instead of trying the next in its list.
 */
public final class StandbyHint {
  private static final Pattern HINT = Pattern.compile("\\[active: ([^\\]\\s]+)\\]\\s*$");

  private StandbyHint() {}

  /** The suffix naming {@code activeAddress}, or "" when it is null. */
  public static String format(String activeAddress) {
    return activeAddress == null || activeAddress.isEmpty() ? ""
        : " [active: " + activeAddress + "]";
  }

  /** The active's "host:port" named at the end of {@code message}, or null. */
  public static String parse(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = HINT.matcher(message);
    return m.find() ? m.group(1) : null;
  }
}
