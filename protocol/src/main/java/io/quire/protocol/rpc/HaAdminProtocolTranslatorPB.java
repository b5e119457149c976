package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.RpcExceptions.invoke;

import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.proto.HaAdminProtocolProtos.*;
import io.quire.protocol.types.HaStatus;
import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;
import org.apache.hadoop.ipc.ProtocolTranslator;
import org.apache.hadoop.ipc.RPC;

/** Client side of {@link HaAdminProtocol} for one NameNode; {@link #close()} stops the proxy. */
public final class HaAdminProtocolTranslatorPB
    implements HaAdminProtocol, ProtocolTranslator, Closeable {
  private final HaAdminProtocolPB rpc;

  public HaAdminProtocolTranslatorPB(HaAdminProtocolPB rpc) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
  }

  @Override public Object getUnderlyingProxyObject() {
    return rpc;
  }

  @Override public void close() {
    RPC.stopProxy(rpc);
  }

  @Override public HaStatus getHaStatus() throws IOException {
    return HaConverter.toStatus(invoke(() -> rpc.getHaStatus(null,
        GetHaStatusRequestProto.getDefaultInstance())).getStatus());
  }

  @Override public void transitionToStandby() throws IOException {
    invoke(() -> rpc.transitionToStandby(null,
        TransitionToStandbyRequestProto.getDefaultInstance()));
  }

  @Override public void rejoinElection() throws IOException {
    invoke(() -> rpc.rejoinElection(null, RejoinElectionRequestProto.getDefaultInstance()));
  }
}
