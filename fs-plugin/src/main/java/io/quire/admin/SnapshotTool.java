package io.quire.admin;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.SnapshotDiffEntry;
import io.quire.protocol.types.SnapshottableDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * {@code quire admin snapshot allow|disallow <dir>} (HDFS's {@code dfsadmin -allowSnapshot /
 * -disallowSnapshot}, superuser only, same output), {@code create <dir> [name]},
 * {@code delete <dir> <name>}, {@code rename <dir> <old> <new>} (the directory's owner),
 * {@code list} (HDFS's {@code lsSnapshottableDir}: the caller's snapshottable directories),
 * {@code diff <dir> <from> <to>} (HDFS's {@code snapshotDiff}: "." is the current state).
 * Paths are absolute.
 */
public final class SnapshotTool extends AdminTool {
  public SnapshotTool() {
    this(System.out, System.err);
  }

  public SnapshotTool(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override public String name() { return "snapshot"; }

  @Override public String usage() {
    return "allow <dir> | disallow <dir> | create <dir> [name] | delete <dir> <name>"
        + " | rename <dir> <old> <new> | list | diff <dir> <from> <to>";
  }

  @Override protected int run(ClientProtocol nn, String[] args) throws IOException {
    if (args.length < 1) {
      throw new UsageException("missing action");
    }
    switch (args[0]) {
      case "allow" -> {
        String dir = dir(args, 2, 2);
        nn.allowSnapshot(dir);
        out.println("Allowing snapshot on " + dir + " succeeded");
      }
      case "disallow" -> {
        String dir = dir(args, 2, 2);
        nn.disallowSnapshot(dir);
        out.println("Disallowing snapshot on " + dir + " succeeded");
      }
      case "create" -> {
        String dir = dir(args, 2, 3);
        out.println("Created snapshot " + nn.createSnapshot(dir, args.length > 2 ? args[2] : null));
      }
      case "delete" -> nn.deleteSnapshot(dir(args, 3, 3), args[2]);
      case "rename" -> nn.renameSnapshot(dir(args, 4, 4), args[2], args[3]);
      case "list" -> list(nn.getSnapshottableDirListing());
      case "diff" -> {
        String dir = dir(args, 4, 4);
        List<SnapshotDiffEntry> entries = nn.getSnapshotDiffReport(dir, args[2], args[3]);
        out.println("Difference between " + state(args[2]) + " and " + state(args[3])
            + " under directory " + dir + ":");
        entries.forEach(out::println);
      }
      default -> throw new UsageException("unknown action '" + args[0] + "'");
    }
    return EXIT_OK;
  }

  /** As HDFS's SnapshotDiffReport names a side: "snapshot s1" or "current directory". */
  private static String state(String name) {
    return name.isEmpty() || name.equals(".") ? "current directory" : "snapshot " + name;
  }

  /** HDFS's lsSnapshottableDir line: mode, count, owner, group, 0, date, snapshots, quota, path. */
  private void list(List<SnapshottableDirectory> dirs) {
    SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd HH:mm");
    for (SnapshottableDirectory d : dirs) {
      InodeStatus s = d.status();
      out.println("d" + new FsPermission(s.getPermission()) + " 0 " + s.getOwner() + " "
          + s.getGroup() + " 0 " + fmt.format(new Date(s.getModificationTime())) + " "
          + d.snapshotCount() + " " + d.snapshotQuota() + " " + s.getPath());
    }
  }

  private static String dir(String[] args, int min, int max) throws UsageException {
    if (args.length < min || args.length > max) {
      throw new UsageException("wrong number of arguments for " + args[0]);
    }
    String p = args[1];
    if (!p.startsWith("/")) {
      throw new UsageException("'" + p + "' is not an absolute path");
    }
    return p;
  }
}
