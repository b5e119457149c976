package io.quire.datanode.http;

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

  /**
   * Binds {@code address} (port 0: any free port) and starts serving.
   *
   * @param addressKey the key that set {@code address}, named when it cannot be bound
   */
  public DataNodeHttpServer(Configuration conf, InetSocketAddress address, String addressKey,
      DataNodeView dn) throws IOException {
    QuireHttpServer s = new QuireHttpServer("datanode", "DataNode", conf, address, addressKey);
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
