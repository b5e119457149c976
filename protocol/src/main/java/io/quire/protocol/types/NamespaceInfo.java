package io.quire.protocol.types;

/**
 * Identity of a namespace: the cluster id chosen by {@code quire namenode -format}, and the
 * layout version of the NameNode's metadata. DataNodes stamp their storage with the cluster id
 * and refuse a NameNode of another cluster.
 */
public final class NamespaceInfo {
  private final String clusterId;
  private final int layoutVersion;

  public NamespaceInfo(String clusterId, int layoutVersion) {
    this.clusterId = clusterId;
    this.layoutVersion = layoutVersion;
  }

  public String getClusterId() { return clusterId; }
  public int getLayoutVersion() { return layoutVersion; }
}
