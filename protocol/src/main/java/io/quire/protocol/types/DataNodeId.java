package io.quire.protocol.types;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Identity and address of a DataNode: a UUID chosen once and stored in its storage
 * directories, and the host and port of its data-transfer server.
 */
public class DataNodeId {
  private final String uuid;
  private final String host;
  private final int dataPort;

  public DataNodeId(String uuid, String host, int dataPort) {
    this.uuid = Objects.requireNonNull(uuid, "uuid");
    this.host = Objects.requireNonNull(host, "host");
    this.dataPort = dataPort;
  }

  public String getUuid() { return uuid; }
  public String getHost() { return host; }
  public int getDataPort() { return dataPort; }

  /** host:port of the data-transfer server. */
  public String getDataAddress() { return host + ":" + dataPort; }

  public InetSocketAddress toSocketAddress() { return new InetSocketAddress(host, dataPort); }

  @Override public boolean equals(Object o) {
    return o instanceof DataNodeId && uuid.equals(((DataNodeId) o).uuid);
  }

  @Override public int hashCode() { return uuid.hashCode(); }

  @Override public String toString() { return getDataAddress() + "[" + uuid + "]"; }
}
