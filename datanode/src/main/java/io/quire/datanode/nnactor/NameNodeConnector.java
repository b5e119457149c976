package io.quire.datanode.nnactor;

import io.quire.protocol.datanode.DataNodeProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;

/** Makes the DataNodeProtocol proxy for one NameNode; tests plug in in-process fakes. */
public interface NameNodeConnector {
  /** A proxy to the NameNode at {@code address} (it may connect lazily). */
  DataNodeProtocol connect(Configuration conf, InetSocketAddress address) throws IOException;

  /** Releases a proxy returned by {@link #connect}. */
  void close(DataNodeProtocol proxy);
}
