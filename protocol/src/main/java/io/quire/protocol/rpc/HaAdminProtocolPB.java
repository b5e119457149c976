package io.quire.protocol.rpc;

import io.quire.protocol.proto.HaAdminProtocolProtos.HaAdminProtocolService;
import org.apache.hadoop.ipc.ProtocolInfo;

/**
 * The protobuf face of {@link io.quire.protocol.ha.HaAdminProtocol} that Hadoop IPC
 * (ProtobufRpcEngine2) serves and proxies.
 */
@ProtocolInfo(protocolName = "io.quire.protocol.ha.HaAdminProtocol", protocolVersion = 1)
public interface HaAdminProtocolPB extends HaAdminProtocolService.BlockingInterface {
}
