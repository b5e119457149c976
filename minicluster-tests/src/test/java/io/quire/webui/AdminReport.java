package io.quire.webui;

import io.quire.admin.ReportTool;
import io.quire.minicluster.MiniQuireCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.util.ToolRunner;

/** The figures of {@code quire admin report}, run in-process and read back from its output. */
record AdminReport(long capacity, long files, long blocks, int live, int dead, String text) {

  static AdminReport run(MiniQuireCluster cluster) throws Exception {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    int rc;
    try (PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8)) {
      rc = ToolRunner.run(cluster.getConfiguration(), new ReportTool(out, err), new String[0]);
    }
    String text = o.toString(StandardCharsets.UTF_8);
    if (rc != 0) {
      throw new AssertionError("admin report failed (" + rc + "): " + text);
    }
    return new AdminReport(number(text, "Configured Capacity: (\\d+)"),
        number(text, "\nFiles: (\\d+)"), number(text, "\nBlocks: (\\d+)"),
        (int) number(text, "DataNodes: \\d+ total, (\\d+) live"),
        (int) number(text, "DataNodes: .*, (\\d+) dead"), text);
  }

  private static long number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new AssertionError("no '" + regex + "' in the admin report:\n" + text);
    }
    return Long.parseLong(m.group(1));
  }
}
