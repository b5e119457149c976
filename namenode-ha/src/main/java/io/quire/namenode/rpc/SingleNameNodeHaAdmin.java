package io.quire.namenode.rpc;

import io.quire.namenode.namesystem.Namesystem;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.types.HaStatus;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * HaAdminProtocol of a NameNode without a nameservice: it reports itself active and refuses
 * transitions (there is nobody to hand over to).
 */
public final class SingleNameNodeHaAdmin implements HaAdminProtocol {
  private final Namesystem ns;
  private final LongSupplier lastCheckpointTxId;

  public SingleNameNodeHaAdmin(Namesystem ns, LongSupplier lastCheckpointTxId) {
    this.ns = ns;
    this.lastCheckpointTxId = lastCheckpointTxId;
  }

  @Override public HaStatus getHaStatus() {
    long applied = ns.getLastAppliedTxId();
    return new HaStatus("", ns.getHaGate().state(), ns.getHaGate().epoch(), applied, applied,
        null, lastCheckpointTxId.getAsLong(), ns.getSafeMode().isOn(), 0);
  }

  @Override public void transitionToStandby() throws IOException {
    throw new IOException("transitionToStandby: this NameNode is not part of an HA nameservice"
        + " (quire.nameservices is not set)");
  }

  @Override public void rejoinElection() throws IOException {
    throw new IOException("rejoinElection: this NameNode is not part of an HA nameservice"
        + " (quire.nameservices is not set)");
  }
}
