package io.quire.protocol.types;

/**
 * Identity of a namespace: the cluster id chosen by {@code quire namenode -format}, the
 * layout version of the NameNode's metadata, and whether the NameNode issues block access
 * tokens. DataNodes stamp their storage with the cluster id and refuse a NameNode of another
 * cluster, or one whose block-token setting differs from theirs.
 */
public final class NamespaceInfo {
  private final String clusterId;
  private final int layoutVersion;
  private final boolean blockTokensEnabled;

  public NamespaceInfo(String clusterId, int layoutVersion, boolean blockTokensEnabled) {
    this.clusterId = clusterId;
    this.layoutVersion = layoutVersion;
    this.blockTokensEnabled = blockTokensEnabled;
  }

  public String getClusterId() { return clusterId; }
  public int getLayoutVersion() { return layoutVersion; }
  public boolean isBlockTokensEnabled() { return blockTokensEnabled; }
}
