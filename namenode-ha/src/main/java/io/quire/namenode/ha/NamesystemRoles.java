package io.quire.namenode.ha;

import io.quire.namenode.blocks.BlockManager;
import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.protocol.types.DataNodeCommand;
import java.io.IOException;

/**
 * What changes in the namesystem when it becomes active or stops being active, and while it
 * tails. Becoming active: standby mode ends, the DataNode messages queued for records the
 * standby had not read are processed, every live DataNode is asked for a full block report
 * and report-driven deletions wait for it, every lease's clock restarts (clients renewed with
 * the previous active). Standby: no block commands and no replication work; after each batch
 * of tailed records the queued messages that now apply are processed.
 */
public final class NamesystemRoles implements HaController.Roles {
  private final Namesystem ns;

  public NamesystemRoles(Namesystem ns) {
    this.ns = ns;
  }

  @Override public void activating() throws IOException {
    ns.updateVolatileState(() -> {
      BlockManager blocks = ns.getBlockManager();
      blocks.setStandby(false);
      blocks.setSendCommands(true);
      ns.getBlockReports().processAllQueued();
      java.util.List<DataNodeDescriptor> live = ns.getDataNodeManager().getLiveNodes();
      blocks.awaitFullReports(live);
      for (DataNodeDescriptor d : live) {
        d.enqueue(DataNodeCommand.blockReport());
      }
      ns.getState().leases().renewAll();
      return null;
    });
  }

  /** After every batch of records a standby applied: retries the messages queued for them. */
  public void afterTailBatch() {
    try {
      ns.updateVolatileState(() -> {
        ns.getBlockReports().processQueued();
        return null;
      });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override public void deactivated() {
    try {
      ns.updateVolatileState(() -> {
        ns.getBlockManager().setStandby(true);
        return null;
      });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try {
      ns.updateVolatileState(() -> {
        for (DataNodeDescriptor d : ns.getDataNodeManager().getLiveNodes()) {
          d.drainCommands();
        }
        return null;
      });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
