package io.quire.namenode.http;

import io.quire.namenode.ha.HaGate;
import io.quire.namenode.image.CheckpointStore;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.http.HttpServer2;

/**
 * The NameNode's HTTP server (Hadoop's {@link HttpServer2}, which also serves /jmx, /conf,
 * /stacks and /logLevel): {@code /image} streams the latest checkpoint ({@link ImageServlet},
 * used by {@code quire namenode -bootstrapStandby}), {@code /isActive} answers 200 on the
 * active NameNode and 405 on others (for load balancers).
 */
public final class NameNodeHttpServer implements Closeable {
  static final String STATE_ATTRIBUTE = "quire.namenode.state";

  /**
   * What the servlets read of the NameNode, looked up per request: the NameNode replaces its
   * services when it reloads, while this server keeps running. Null while reloading.
   */
  public interface NameNodeState {
    CheckpointStore checkpoints();

    String clusterId();

    HaGate gate();
  }

  private final HttpServer2 server;

  /**
   * Binds {@code address} (port 0: any free port) and starts serving.
   *
   * @throws IOException naming the address when it cannot be bound
   */
  public NameNodeHttpServer(Configuration conf, InetSocketAddress address,
      Supplier<NameNodeState> state) throws IOException {
    HttpServer2 s;
    try {
      s = new HttpServer2.Builder()
          .setName("namenode")
          .addEndpoint(URI.create("http://" + address.getHostString() + ":" + address.getPort()))
          .setFindPort(false)
          .setConf(conf)
          .build();
    } catch (IOException e) {
      throw new IOException("NameNode HTTP server on " + address + ": " + e.getMessage(), e);
    }
    s.setAttribute(STATE_ATTRIBUTE, state);
    s.addInternalServlet("image", ImageServlet.PATH, ImageServlet.class);
    s.addInternalServlet("isActive", "/isActive", IsActiveServlet.class);
    try {
      s.start();
    } catch (IOException e) {
      throw new IOException("NameNode HTTP server cannot bind " + address + ": "
          + e.getMessage() + " (set quire.namenode.http-address)", e);
    }
    this.server = s;
  }

  /** The NameNode's current state for a servlet, or null while it reloads. */
  @SuppressWarnings("unchecked")
  static NameNodeState state(javax.servlet.ServletContext context) {
    return ((Supplier<NameNodeState>) context.getAttribute(STATE_ATTRIBUTE)).get();
  }

  /** The bound address. */
  public InetSocketAddress getAddress() {
    return server.getConnectorAddress(0);
  }

  @Override public void close() throws IOException {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IOException("stopping the NameNode HTTP server", e);
    }
  }
}
