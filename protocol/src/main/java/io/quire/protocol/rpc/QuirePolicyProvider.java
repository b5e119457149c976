package io.quire.protocol.rpc;

import org.apache.hadoop.security.authorize.PolicyProvider;
import org.apache.hadoop.security.authorize.Service;

/**
 * Hadoop service-level authorization for the NameNode's RPC protocols: with
 * {@code hadoop.security.authorization=true}, a caller must be in the protocol's ACL
 * (hadoop-policy.xml or the site configuration; {@code *} when unset) before any method runs.
 * The keys are HDFS's, so an operator's hadoop-policy.xml applies unchanged: the DataNode
 * protocol (register, heartbeat, block reports, reportBadBlocks, commitBlockSynchronization)
 * is typically limited to the DataNodes' user, the HA admin protocol to administrators.
 */
public final class QuirePolicyProvider extends PolicyProvider {
  /** Who may call ClientProtocol (HDFS's key). */
  public static final String CLIENT_ACL_KEY = "security.client.protocol.acl";
  /** Who may call DataNodeProtocol: the DataNodes' user (HDFS's key). */
  public static final String DATANODE_ACL_KEY = "security.datanode.protocol.acl";
  /** Who may call HaAdminProtocol (HDFS's key for its HA service protocol). */
  public static final String HA_ADMIN_ACL_KEY = "security.ha.service.protocol.acl";

  /**
   * Keyed by the interfaces the PB protocols' {@code @ProtocolInfo} names (the IPC server
   * authorizes the class of that name, not the PB class), as HDFSPolicyProvider does.
   */
  private static final Service[] SERVICES = {
      new Service(CLIENT_ACL_KEY, io.quire.protocol.client.ClientProtocol.class),
      new Service(DATANODE_ACL_KEY, io.quire.protocol.datanode.DataNodeProtocol.class),
      new Service(HA_ADMIN_ACL_KEY, io.quire.protocol.ha.HaAdminProtocol.class),
  };

  @Override
  public Service[] getServices() {
    return SERVICES.clone();
  }
}
