package io.quire.protocol.rpc;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.proto.ClientNamenodeProtocolProtos.ClientNamenodeProtocol;
import org.apache.hadoop.ipc.ProtocolInfo;
import org.apache.hadoop.security.KerberosInfo;

/**
 * The protobuf face of {@link io.quire.protocol.client.ClientProtocol} that Hadoop IPC
 * (ProtobufRpcEngine2) serves and proxies. The protocol name is the Java interface's name, so
 * server and client agree on it independently of this class. Under Kerberos the client
 * expects the NameNode principal ({@code quire.namenode.kerberos.principal}; Hadoop's
 * AnnotatedSecurityInfo reads the annotation).
 */
@KerberosInfo(serverPrincipal = QuireConfigKeys.NAMENODE_KERBEROS_PRINCIPAL_KEY)
@ProtocolInfo(protocolName = "io.quire.protocol.client.ClientProtocol", protocolVersion = 1)
public interface ClientProtocolPB extends ClientNamenodeProtocol.BlockingInterface {
}
