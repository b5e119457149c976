package io.quire.admin;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.QuotaValues;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.util.StringUtils.TraditionalBinaryPrefix;

/**
 * {@code quire admin quota set <n> <path>... | clear <path>... | space-set <bytes>
 * <path>... | space-clear <path>...}: a directory's name quota (files + directories, the
 * directory itself included) and space quota (bytes x replication; {@code 10g}, {@code 512m}
 * accepted), as {@code hdfs dfsadmin -setQuota/-clrQuota/-setSpaceQuota/-clrSpaceQuota}, which
 * are accepted as aliases ({@code quire admin -setQuota 10 /d}). The superuser only. Each path
 * is done on its own: a failed one is reported on one line and the others still are set; the
 * exit code is then 1. Usage and values are checked before anything is sent.
 */
public final class QuotaTool extends AdminTool {
  /** The dfsadmin aliases and the action each stands for. */
  static final String[][] ALIASES = {
      {"-setQuota", "set"}, {"-clrQuota", "clear"},
      {"-setSpaceQuota", "space-set"}, {"-clrSpaceQuota", "space-clear"}};

  private final String fixedAction;

  public QuotaTool() {
    this(null, System.out, System.err);
  }

  /** @param fixedAction the action of a dfsadmin alias (null: the first argument names it) */
  public QuotaTool(String fixedAction, PrintStream out, PrintStream err) {
    super(out, err);
    this.fixedAction = fixedAction;
  }

  /** The tool for a dfsadmin alias ({@code -setQuota} ...), or null. */
  static QuotaTool forAlias(String command) {
    for (String[] a : ALIASES) {
      if (a[0].equals(command)) {
        return new QuotaTool(a[1], System.out, System.err);
      }
    }
    return null;
  }

  @Override public String name() {
    return fixedAction == null ? "quota" : "quota " + fixedAction;
  }

  @Override public String usage() {
    if (fixedAction != null) {
      return fixedAction.endsWith("set") ? "<n> <path>..." : "<path>...";
    }
    return "set <n> <path>... | clear <path>... | space-set <bytes> <path>..."
        + " | space-clear <path>...  (n: files + directories, at least 1;"
        + " bytes x replication, e.g. 10g; superuser only)";
  }

  @Override protected int run(ClientProtocol nn, String[] args) throws IOException {
    String action = fixedAction;
    String[] rest = args;
    if (action == null) {
      if (args.length == 0) {
        throw new UsageException("missing action (set, clear, space-set or space-clear)");
      }
      action = args[0];
      rest = Arrays.copyOfRange(args, 1, args.length);
    }
    boolean set = action.equals("set") || action.equals("space-set");
    boolean space = action.startsWith("space-");
    if (!set && !action.equals("clear") && !action.equals("space-clear")) {
      throw new UsageException("unknown action '" + action
          + "' (set, clear, space-set or space-clear)");
    }
    int first = set ? 1 : 0;
    if (rest.length <= first) {
      throw new UsageException(set ? "missing " + (space ? "space quota" : "name quota")
          + " and path(s)" : "missing path(s)");
    }
    long value = set ? parse(rest[0], space) : QuotaValues.RESET;
    long ns = space ? QuotaValues.DONT_SET : value;
    long ss = space ? value : QuotaValues.DONT_SET;
    int failed = 0;
    for (int k = first; k < rest.length; k++) {
      String path = rest[k];
      try {
        nn.setQuota(absolute(path), ns, ss);
      } catch (AccessControlException e) {
        throw e;
      } catch (IOException | IllegalArgumentException e) {
        err.println(name() + ": " + path + ": " + firstLine(e.getMessage()));
        failed++;
      }
    }
    return failed == 0 ? EXIT_OK : EXIT_FAILED;
  }

  private static long parse(String s, boolean space) throws UsageException {
    long v;
    try {
      v = space ? TraditionalBinaryPrefix.string2long(s.toLowerCase(Locale.ROOT))
          : Long.parseLong(s);
    } catch (IllegalArgumentException e) {
      v = -1;
    }
    if (space ? v < 0 : v <= 0) {
      throw new UsageException("'" + s + "' is not " + (space
          ? "a space quota (bytes x replication, at least 0, e.g. 10g)"
          : "a name quota (files + directories, at least 1)"));
    }
    return v;
  }

  private static String absolute(String path) throws UsageException {
    String p = new Path(path).toUri().getPath();
    if (p == null || !p.startsWith("/")) {
      throw new UsageException("'" + path + "' is not an absolute path");
    }
    return p;
  }
}
