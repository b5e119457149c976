package io.quire.namenode.http;

import io.quire.protocol.QuireConfigKeys;
import io.quire.web.QuireHttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import javax.servlet.ServletContext;
import org.apache.hadoop.conf.Configuration;

/**
 * The NameNode's HTTP server ({@link QuireHttpServer}: Hadoop's /jmx, /conf, /stacks,
 * /logLevel, and /prom). Pages (from {@code webapps/namenode/} in this jar): {@code /} the
 * overview, {@code /datanodes.html}, {@code /explorer.html} (read-only file browser); their
 * data: the models {@code overview} ({@link OverviewModel}), {@code datanodes}
 * ({@link DataNodesModel}), {@code browse} ({@link BrowseModel}) at {@code /api/<model>} and,
 * pushed, {@code /events/<model>}. Also {@code /image} streams the latest checkpoint
 * ({@link ImageServlet}, used by {@code quire namenode -bootstrapStandby}), {@code /isActive}
 * answers 200 on the active NameNode and 405 on others (for load balancers).
 */
public final class NameNodeHttpServer implements Closeable {
  static final String STATE_ATTRIBUTE = "quire.namenode.state";
  /** HDFS's key for the user anonymous web requests run as. */
  static final String STATIC_USER_KEY = "hadoop.http.staticuser.user";
  static final String STATIC_USER_DEFAULT = "dr.who";

  private final QuireHttpServer server;

  /**
   * Binds {@code address} (port 0: any free port) and starts serving.
   *
   * @param state the NameNode's current services, null while it reloads
   * @throws IOException naming the address when it cannot be bound
   */
  public NameNodeHttpServer(Configuration conf, InetSocketAddress address,
      Supplier<NameNodeState> state) throws IOException {
    QuireHttpServer s = new QuireHttpServer("namenode", "NameNode", conf, address,
        QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY);
    s.setAttribute(STATE_ATTRIBUTE, state)
        .addServlet("image", ImageServlet.PATH, ImageServlet.class)
        .addServlet("isActive", "/isActive", IsActiveServlet.class)
        .addModel("overview", new OverviewModel(state))
        .addModel("datanodes", new DataNodesModel(state))
        .addModel("browse", new BrowseModel(state,
            conf.getTrimmed(STATIC_USER_KEY, STATIC_USER_DEFAULT)));
    s.start();
    this.server = s;
  }

  /** The NameNode's current state for a servlet, or null while it reloads. */
  @SuppressWarnings("unchecked")
  static NameNodeState state(ServletContext context) {
    return ((Supplier<NameNodeState>) context.getAttribute(STATE_ATTRIBUTE)).get();
  }

  /** The bound address. */
  public InetSocketAddress getAddress() {
    return server.getAddress();
  }

  @Override public void close() throws IOException {
    server.close();
  }
}
