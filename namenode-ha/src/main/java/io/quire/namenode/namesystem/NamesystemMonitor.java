package io.quire.namenode.namesystem;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.leases.Lease;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.ops.OpResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameNode's periodic work, one pass per monitor interval: dead DataNode detection (their
 * replicas are forgotten and their blocks queued), the startup safe-mode check, and on the
 * active NameNode outside safe mode the decommission progress check, the replication work
 * (queue-driven, see {@link io.quire.namenode.blocks.ReplicationMonitor}) and the recovery of
 * leases past their hard limit.
 */
public final class NamesystemMonitor implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(NamesystemMonitor.class);

  private final Namesystem ns;
  private volatile boolean running = true;

  public NamesystemMonitor(Namesystem ns) {
    this.ns = ns;
  }

  public void stop() {
    running = false;
  }

  @Override public void run() {
    while (running) {
      try {
        Thread.sleep(ns.getOptions().monitorIntervalMs());
        runOnce();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        LOG.error("Monitor pass failed", e);
      }
    }
  }

  /** One pass (tests call it directly). */
  public void runOnce() throws IOException {
    List<DataNodeDescriptor> dead = ns.getDataNodeManager().findNewlyDead();
    if (!dead.isEmpty()) {
      ns.updateVolatileState(() -> {
        dead.forEach(ns.getBlockManager()::removeNode);
        return null;
      });
    }
    ns.read(() -> {
      ns.getSafeMode().check();
      return null;
    });
    if (ns.getSafeMode().isOn() || !ns.getHaGate().isActive()) {
      return; // a standby follows the active's decisions through the journal
    }
    ns.updateVolatileState(() -> {
      ns.getDecommission().checkProgress();
      return ns.getReplication().computeWork();
    });
    recoverExpiredLeases();
  }

  private void recoverExpiredLeases() throws IOException {
    for (Lease lease : ns.getState().leases().getHardExpired()) {
      List<Long> fileIds = ns.read(() -> new ArrayList<>(lease.getFileIds()));
      for (long fileId : fileIds) {
        try {
          ns.mutateEvenInSafeMode(() -> {
            Inode i = ns.getState().tree().getById(fileId);
            if (!(i instanceof InodeFile f) || !f.isUnderConstruction()) {
              return OpResult.none(null);
            }
            LOG.info("Lease of {} on {} expired; recovering", lease.getHolder(),
                f.getFullPath());
            return OpResult.after(ns.ops().recovery().startRecovery(f), () -> {
              ns.ops().recovery().sendRecoverCommand(f);
              return null;
            });
          });
        } catch (IOException e) {
          LOG.info("Lease recovery of inode {} not possible yet: {}", fileId, e.getMessage());
        }
      }
      // Restart the clock of the (possibly reassigned) lease so recovery is retried later.
      ns.getState().leases().renew(lease.getHolder());
    }
  }
}
