package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.RpcExceptions.serve;

import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.proto.HaAdminProtocolProtos.*;
import java.util.Objects;
import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;

/** Server side of {@link HaAdminProtocol}: decodes each request and calls the NameNode. */
public final class HaAdminProtocolServerSideTranslatorPB implements HaAdminProtocolPB {
  private final HaAdminProtocol impl;

  public HaAdminProtocolServerSideTranslatorPB(HaAdminProtocol impl) {
    this.impl = Objects.requireNonNull(impl, "impl");
  }

  @Override
  public GetHaStatusResponseProto getHaStatus(RpcController c, GetHaStatusRequestProto req)
      throws ServiceException {
    return serve(() -> GetHaStatusResponseProto.newBuilder()
        .setStatus(HaConverter.toProto(impl.getHaStatus())).build());
  }

  @Override
  public TransitionToStandbyResponseProto transitionToStandby(RpcController c,
      TransitionToStandbyRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.transitionToStandby();
      return TransitionToStandbyResponseProto.getDefaultInstance();
    });
  }

  @Override
  public RejoinElectionResponseProto rejoinElection(RpcController c,
      RejoinElectionRequestProto req) throws ServiceException {
    return serve(() -> {
      impl.rejoinElection();
      return RejoinElectionResponseProto.getDefaultInstance();
    });
  }
}
