package io.quire.namenode.ha;

import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namesystem.HaGate;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.types.HaStatus;
import java.io.IOException;
import java.util.function.LongSupplier;

/** HaAdminProtocol of an HA NameNode: status from the controller, transitions through it. */
public final class HaAdminHandler implements HaAdminProtocol {
  private final HaOptions options;
  private final Namesystem ns;
  private final HaController controller;
  private final CallerResolver callers;
  private final LongSupplier lastCheckpointTxId;
  private final LongSupplier pendingDataNodeMessages;

  public HaAdminHandler(HaOptions options, Namesystem ns, HaController controller,
      CallerResolver callers, LongSupplier lastCheckpointTxId,
      LongSupplier pendingDataNodeMessages) {
    this.options = options;
    this.ns = ns;
    this.controller = controller;
    this.callers = callers;
    this.lastCheckpointTxId = lastCheckpointTxId;
    this.pendingDataNodeMessages = pendingDataNodeMessages;
  }

  @Override public HaStatus getHaStatus() {
    HaGate g = ns.getHaGate();
    long applied = ns.getLastAppliedTxId();
    long seen = g.isActive() && ns.getWriter() != null ? ns.getWriter().getLastAppendedTxId()
        : controller.getTailer().getLastSeenTxId();
    return new HaStatus(options.selfId(), g.state(), g.epoch(), applied, Math.max(applied, seen),
        controller.activeId(), lastCheckpointTxId.getAsLong(), ns.getSafeMode().isOn(),
        pendingDataNodeMessages.getAsLong());
  }

  @Override public void transitionToStandby() throws IOException {
    superuser("transitionToStandby");
    controller.transitionToStandby();
  }

  @Override public void rejoinElection() throws IOException {
    superuser("rejoinElection");
    controller.rejoinElection();
  }

  private void superuser(String op) throws IOException {
    new PermissionChecker(callers.current(), true).checkSuperUser(op + " on NameNode "
        + options.selfId());
  }
}
