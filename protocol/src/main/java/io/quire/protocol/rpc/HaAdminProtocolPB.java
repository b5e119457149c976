package io.quire.protocol.rpc;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.proto.HaAdminProtocolProtos.HaAdminProtocolService;
import org.apache.hadoop.ipc.ProtocolInfo;
import org.apache.hadoop.security.KerberosInfo;

/**
 * The protobuf face of {@link io.quire.protocol.ha.HaAdminProtocol} that Hadoop IPC
 * (ProtobufRpcEngine2) serves and proxies. Under Kerberos the caller expects the NameNode
 * principal.
 */
@KerberosInfo(serverPrincipal = QuireConfigKeys.NAMENODE_KERBEROS_PRINCIPAL_KEY)
@ProtocolInfo(protocolName = "io.quire.protocol.ha.HaAdminProtocol", protocolVersion = 1)
public interface HaAdminProtocolPB extends HaAdminProtocolService.BlockingInterface {
}
