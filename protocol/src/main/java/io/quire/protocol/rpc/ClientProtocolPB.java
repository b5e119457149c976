package io.quire.protocol.rpc;

import io.quire.protocol.proto.ClientNamenodeProtocolProtos.ClientNamenodeProtocol;
import org.apache.hadoop.ipc.ProtocolInfo;

/**
 * The protobuf face of {@link io.quire.protocol.client.ClientProtocol} that Hadoop IPC
 * (ProtobufRpcEngine2) serves and proxies. The protocol name is the Java interface's name, so
 * server and client agree on it independently of this class.
 */
@ProtocolInfo(protocolName = "io.quire.protocol.client.ClientProtocol", protocolVersion = 1)
public interface ClientProtocolPB extends ClientNamenodeProtocol.BlockingInterface {
}
