package io.quire.datanode.http;

import io.quire.datanode.DataNode;
import io.quire.datanode.DataNodeConfigKeys;
import io.quire.web.QuireHttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;

/**
 * The DataNode's HTTP server ({@link QuireHttpServer}: Hadoop's /jmx, /conf, /stacks,
 * /logLevel, and /prom) at {@code quire.datanode.http-address}: {@code /} is the DataNode page
 * (from {@code webapps/datanode/} in this jar), its data the model {@code datanode}
 * ({@link DataNodeModel}) at {@code /api/datanode} and, pushed, {@code /events/datanode}.
 */
public final class DataNodeHttpServer implements Closeable {
  private final QuireHttpServer server;

  /** Binds {@code address} (port 0: any free port) and starts serving. */
  public DataNodeHttpServer(Configuration conf, InetSocketAddress address, DataNode dn)
      throws IOException {
    QuireHttpServer s = new QuireHttpServer("datanode", "DataNode", conf, address,
        DataNodeConfigKeys.HTTP_ADDRESS_KEY);
    s.addModel("datanode", new DataNodeModel(dn));
    s.start();
    this.server = s;
  }

  public InetSocketAddress getAddress() {
    return server.getAddress();
  }

  @Override public void close() throws IOException {
    server.close();
  }
}
