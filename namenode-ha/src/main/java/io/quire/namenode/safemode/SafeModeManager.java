package io.quire.namenode.safemode;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockManager;
import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.datanodes.DataNodeManager;
import io.quire.protocol.exceptions.SafeModeException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safe mode: the namespace is read-only. At startup it is on until the threshold fraction of
 * complete blocks has its minimum replicas reported and enough DataNodes are live.
 * <ul>
 *   <li>Nothing missing (every complete block has its minimum replicas, e.g. an empty namespace
 *       or all DataNodes reported): safe mode ends at the next check, at once.</li>
 *   <li>Threshold reached but some blocks still missing: it ends {@code safeModeExtensionMs}
 *       (default 30 s, as HDFS) after the threshold was reached, so late DataNodes can report
 *       before re-replication starts; it ends earlier if the last blocks arrive.</li>
 * </ul>
 * An administrator may ENTER (manual safe mode, left only by LEAVE) or LEAVE at any time.
 */
public final class SafeModeManager {
  private static final Logger LOG = LoggerFactory.getLogger(SafeModeManager.class);

  private final NameNodeOptions options;
  private final BlockManager blocks;
  private final DataNodeManager datanodes;
  private final LongSupplier clock;
  private volatile boolean startup = true;
  private volatile boolean manual;
  private volatile long reachedAt = -1;
  private volatile String status = "starting";

  public SafeModeManager(NameNodeOptions options, BlockManager blocks,
      DataNodeManager datanodes, LongSupplier clock) {
    this.options = options;
    this.blocks = blocks;
    this.datanodes = datanodes;
    this.clock = clock;
  }

  public boolean isOn() {
    return startup || manual;
  }

  public void checkWritable(String op, String path) throws SafeModeException {
    if (isOn()) {
      throw new SafeModeException(op + " " + path + ": cannot run while the NameNode is in "
          + "safe mode (" + status() + ")");
    }
  }

  public String status() {
    return manual ? "entered manually; leave with -safemode leave" : status;
  }

  /** Re-evaluates startup safe mode; call under the namesystem lock (read is enough). */
  public void check() {
    if (!startup) {
      return;
    }
    long total = 0;
    long safe = 0;
    for (BlockInfo b : blocks.getBlockMap().all()) {
      if (blocks.isCompleteOrMinReplicated(b)) {
        total++;
        if (blocks.hasMinReplicas(b)) {
          safe++;
        }
      }
    }
    int live = datanodes.getLiveCount();
    boolean reached = safe >= (long) Math.ceil(options.safeModeThreshold() * total)
        && live >= options.safeModeMinDataNodes();
    long now = clock.getAsLong();
    status = String.format("%d of %d blocks have their minimum replicas (threshold %.4f), "
        + "%d of %d DataNodes live", safe, total, options.safeModeThreshold(), live,
        options.safeModeMinDataNodes());
    if (!reached) {
      reachedAt = -1;
      return;
    }
    if (reachedAt < 0) {
      reachedAt = now;
    }
    if (safe == total || now - reachedAt >= options.safeModeExtensionMs()) {
      startup = false;
      LOG.info("Leaving safe mode: {}", status);
    } else {
      status += "; threshold reached, leaving in "
          + (options.safeModeExtensionMs() - (now - reachedAt)) + " ms";
    }
  }

  public void enter() {
    manual = true;
    LOG.info("Safe mode entered manually");
  }

  public void leave() {
    manual = false;
    if (startup) {
      LOG.info("Leaving startup safe mode on request: {}", status);
    }
    startup = false;
  }
}
