package io.quire.protocol.types;

/**
 * One line of a snapshot difference report, as HDFS's SnapshotDiffReport.DiffReportEntry:
 * {@code type} is "M" (modified), "+" (created), "-" (deleted) or "R" (renamed); {@code path}
 * is relative to the snapshottable directory ("" for the directory itself); {@code target} is
 * the new relative path of a rename, else null.
 */
public record SnapshotDiffEntry(String type, String path, String target) {

  /** As {@code hdfs snapshotDiff} prints it: {@code M\t./a}, {@code R\t./a -> ./b}. */
  @Override public String toString() {
    return type + "\t" + dotted(path) + (target == null ? "" : " -> " + dotted(target));
  }

  private static String dotted(String p) {
    return p.isEmpty() ? "." : "./" + p;
  }
}
