package io.quire.health;

import io.quire.admin.AdminTool;
import io.quire.minicluster.MiniQuireCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.hadoop.util.ToolRunner;

/** One admin command run in-process through ToolRunner, with its output captured. */
record AdminRun(int exitCode, String out, String err) {

  static AdminRun fsck(MiniQuireCluster cluster, String path) throws Exception {
    return tool(cluster, io.quire.admin.FsckTool::new, path);
  }

  /** Runs the tool made by {@code make(out, err)} with {@code args} against the cluster. */
  static AdminRun tool(MiniQuireCluster cluster,
      BiFunction<PrintStream, PrintStream, AdminTool> make, String... args) throws Exception {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int rc;
    try (PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8)) {
      rc = ToolRunner.run(cluster.getConfiguration(), make.apply(out, err), args);
    }
    return new AdminRun(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }
}
