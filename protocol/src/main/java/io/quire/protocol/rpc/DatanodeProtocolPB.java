package io.quire.protocol.rpc;

import io.quire.protocol.proto.DatanodeProtocolProtos.DatanodeProtocolService;
import org.apache.hadoop.ipc.ProtocolInfo;

/**
 * The protobuf face of {@link io.quire.protocol.datanode.DatanodeProtocol} that Hadoop IPC
 * (ProtobufRpcEngine2) serves and proxies.
 */
@ProtocolInfo(protocolName = "io.quire.protocol.datanode.DatanodeProtocol", protocolVersion = 1)
public interface DatanodeProtocolPB extends DatanodeProtocolService.BlockingInterface {
}
