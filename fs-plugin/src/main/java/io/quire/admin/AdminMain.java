package io.quire.admin;

import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.GenericOptionsParser;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code quire admin [generic options] <command> [generic options] [args]}: dispatches to one
 * {@link AdminTool} run through {@link ToolRunner}. Hadoop's generic options ({@code -fs
 * quire://host:port}, {@code -D k=v}, {@code -conf file}) work before the command, as with
 * {@code hdfs dfsadmin}, and after it. Commands: report, safemode, decommission, recommission,
 * fsck, quota ({@link QuotaTool}, also as dfsadmin's -setQuota, -clrQuota, -setSpaceQuota,
 * -clrSpaceQuota), snapshot ({@link SnapshotTool}), and ha ({@link HaTool}).
 */
public final class AdminMain {
  private AdminMain() { }

  /** The tool for a command name, or null when there is none. */
  public static AdminTool tool(String command) {
    Supplier<AdminTool> s = switch (command) {
      case "report" -> ReportTool::new;
      case "safemode" -> SafeModeTool::new;
      case "decommission" -> () -> new DecommissionTool(true);
      case "recommission" -> () -> new DecommissionTool(false);
      case "fsck" -> FsckTool::new;
      case "snapshot" -> SnapshotTool::new;
      case "quota" -> QuotaTool::new;
      default -> null;
    };
    return s == null ? QuotaTool.forAlias(command) : s.get();
  }

  /** Runs a command in this JVM; returns its exit code. */
  public static int run(Configuration conf, String[] allArgs) throws Exception {
    // the generic options before the command go into conf; the tool parses those after it
    String[] args = new GenericOptionsParser(conf, allArgs).getRemainingArgs();
    if (args.length > 0 && args[0].equals("ha")) {
      return ToolRunner.run(conf, new HaTool(), Arrays.copyOfRange(args, 1, args.length));
    }
    AdminTool t = args.length == 0 ? null : tool(args[0]);
    if (t == null) {
      System.err.println("Usage: quire admin report | safemode get|enter|leave|wait [seconds]"
          + " | decommission <node> | recommission <node> | fsck <path>"
          + " | quota set|clear|space-set|space-clear [n] <path>..."
          + " | snapshot allow|disallow|create|delete|rename|list|diff ... | ha "
          + HaTool.usage());
      return AdminTool.EXIT_USAGE;
    }
    return ToolRunner.run(conf, t, Arrays.copyOfRange(args, 1, args.length));
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(new Configuration(), args));
  }
}
