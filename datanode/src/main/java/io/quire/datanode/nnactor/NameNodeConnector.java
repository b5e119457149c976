package io.quire.datanode.nnactor;

import io.quire.protocol.datanode.DatanodeProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;

/** Makes the DatanodeProtocol proxy for one NameNode; tests plug in in-process fakes. */
public interface NameNodeConnector {
  /** A proxy to the NameNode at {@code address} (it may connect lazily). */
  DatanodeProtocol connect(Configuration conf, InetSocketAddress address) throws IOException;

  /** Releases a proxy returned by {@link #connect}. */
  void close(DatanodeProtocol proxy);
}
