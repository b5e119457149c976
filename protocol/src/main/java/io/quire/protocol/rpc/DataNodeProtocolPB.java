package io.quire.protocol.rpc;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.proto.DataNodeProtocolProtos.DataNodeProtocolService;
import org.apache.hadoop.ipc.ProtocolInfo;
import org.apache.hadoop.security.KerberosInfo;

/**
 * The protobuf face of {@link io.quire.protocol.datanode.DataNodeProtocol} that Hadoop IPC
 * (ProtobufRpcEngine2) serves and proxies. Under Kerberos the DataNode expects the NameNode
 * principal, and the caller must be the DataNode principal.
 */
@KerberosInfo(serverPrincipal = QuireConfigKeys.NAMENODE_KERBEROS_PRINCIPAL_KEY,
    clientPrincipal = QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY)
@ProtocolInfo(protocolName = "io.quire.protocol.datanode.DataNodeProtocol", protocolVersion = 1)
public interface DataNodeProtocolPB extends DataNodeProtocolService.BlockingInterface {
}
