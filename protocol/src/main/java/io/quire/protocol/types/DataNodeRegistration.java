package io.quire.protocol.types;

/** What a DataNode tells a NameNode when it registers: who it is and which cluster it serves. */
public final class DataNodeRegistration {
  private final DataNodeId id;
  private final String clusterId;
  private final String softwareVersion;

  public DataNodeRegistration(DataNodeId id, String clusterId, String softwareVersion) {
    this.id = id;
    this.clusterId = clusterId;
    this.softwareVersion = softwareVersion;
  }

  public DataNodeId getId() { return id; }
  public String getClusterId() { return clusterId; }
  public String getSoftwareVersion() { return softwareVersion; }

  @Override public String toString() { return id + "@" + clusterId; }
}
