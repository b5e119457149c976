package io.quire.admin;

import java.io.PrintStream;

/**
 * Totals of one fsck run, printed HDFS-fsck style. The path is HEALTHY when no block is missing
 * or corrupt (under-replicated blocks are reported but do not make it CORRUPT, as in HDFS).
 */
final class FsckSummary {
  long dirs;
  long files;
  long openFiles;
  long totalSize;
  long blocks;
  long replicas;
  long healthyBlocks;
  long underReplicated;
  long corrupt;
  long missing;
  long missingSize;
  long decommissioningReplicas;
  long corruptFiles;
  private long checkedSize;

  void add(BlockCheck c) {
    blocks++;
    checkedSize += c.block().getNumBytes();
    replicas += c.live();
    decommissioningReplicas += c.decommissioning();
    switch (c.status()) {
      case HEALTHY -> healthyBlocks++;
      case UNDER_REPLICATED -> underReplicated++;
      case CORRUPT -> corrupt++;
      case MISSING -> {
        missing++;
        missingSize += c.block().getNumBytes();
      }
      default -> throw new IllegalStateException("fsck: unknown status " + c.status());
    }
  }

  boolean isHealthy() {
    return corrupt == 0 && missing == 0;
  }

  String status() {
    return isHealthy() ? "HEALTHY" : "CORRUPT";
  }

  void print(PrintStream out, String path, int liveNodes) {
    out.println();
    out.println("Status: " + status());
    out.println(" Total size:\t" + totalSize + " B");
    out.println(" Total dirs:\t" + dirs);
    out.println(" Total files:\t" + files + (openFiles > 0 ? " (" + openFiles
        + " open for write, not checked)" : ""));
    out.println(" Total blocks (validated):\t" + blocks + (blocks > 0
        ? " (avg. block size " + (checkedSize / blocks) + " B)" : ""));
    out.println(" Healthy blocks:\t" + healthyBlocks);
    out.println(" Under-replicated blocks:\t" + underReplicated);
    out.println(" Corrupt blocks:\t" + corrupt);
    out.println(" Missing blocks:\t" + missing);
    out.println(" Missing size:\t" + missingSize + " B");
    out.println(" Corrupt files:\t" + corruptFiles);
    out.println(" Decommissioning replicas:\t" + decommissioningReplicas);
    out.println(" Average block replication:\t"
        + String.format("%.2f", blocks == 0 ? 0.0 : (double) replicas / blocks));
    out.println(" Number of live data-nodes:\t" + liveNodes);
    out.println();
    out.println("The filesystem under path '" + path + "' is " + status());
  }
}
