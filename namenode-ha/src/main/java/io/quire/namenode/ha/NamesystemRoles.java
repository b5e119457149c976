package io.quire.namenode.ha;

import io.quire.namenode.Namesystem;
import io.quire.namenode.datanodes.DatanodeDescriptor;
import io.quire.protocol.types.DatanodeCommand;
import java.io.IOException;

/**
 * What changes in the namesystem when it becomes active or stops being active. Becoming
 * active: DataNode messages queued for records the standby had not read are processed, block
 * commands are sent again, every lease's clock restarts (clients renewed with the previous
 * active), and every DataNode is asked for a full block report (report-driven deletions wait
 * for it). Stopping: no more block commands and no replication work.
 */
public final class NamesystemRoles implements HaController.Roles {
  private final Namesystem ns;

  public NamesystemRoles(Namesystem ns) {
    this.ns = ns;
  }

  @Override public void activating() throws IOException {
    ns.writeLocked(() -> {
      ns.getBlockManager().setSendCommands(true);
      ns.getState().leases().renewAll();
      for (DatanodeDescriptor d : ns.getDatanodeManager().getLiveNodes()) {
        d.enqueue(DatanodeCommand.blockReport());
      }
      return null;
    });
  }

  @Override public void deactivated() {
    ns.getBlockManager().setSendCommands(false);
    try {
      ns.writeLocked(() -> {
        for (DatanodeDescriptor d : ns.getDatanodeManager().getLiveNodes()) {
          d.drainCommands();
        }
        return null;
      });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
