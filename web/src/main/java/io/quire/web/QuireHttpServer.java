package io.quire.web;

import io.quire.protocol.exceptions.AddressInUseException;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import javax.servlet.http.HttpServlet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.http.HttpServer2;

/**
 * A Quire daemon's HTTP server: Hadoop's {@link HttpServer2} (which serves /jmx, /conf,
 * /stacks, /logLevel and the daemon's pages from {@code webapps/<name>/} in its jar) plus what
 * every Quire web UI shares: {@code /api/<model>} ({@link ApiServlet}),
 * {@code /events/<model>} ({@link EventStreamServlet}), {@code /ui/<file>}
 * ({@link UiResourceServlet}) and {@code /prom} ({@link PromServlet}, always served; Hadoop's
 * own switch {@code hadoop.prometheus.endpoint.enabled} is forced off, see
 * {@link SharedPrometheusSink} for why). Usage: construct, {@link #addModel} and
 * {@link #addServlet}, {@link #start}, {@link #close}.
 */
public final class QuireHttpServer implements Closeable {
  /** Hadoop's switch for its own /prom, which Quire replaces by {@link PromServlet}. */
  static final String PROMETHEUS_ENABLED_KEY = "hadoop.prometheus.endpoint.enabled";
  /** Time between two looks at a pushed model. */
  public static final long EVENT_PERIOD_MS = 1000;
  /** Event streams open at once per server. */
  public static final int MAX_EVENT_STREAMS = 64;

  private final String what;
  private final String addressKey;
  private final InetSocketAddress address;
  private final HttpServer2 server;
  private final JsonModels models = new JsonModels();
  private final EventStreams streams = new EventStreams(EVENT_PERIOD_MS, MAX_EVENT_STREAMS);

  /**
   * @param name the web application: pages come from {@code webapps/<name>/} on the classpath
   * @param what the daemon, for messages ("NameNode")
   * @param addressKey the key that sets {@code address}, named when it cannot be bound
   * @throws IOException naming the address when the server cannot be built
   */
  public QuireHttpServer(String name, String what, Configuration conf,
      InetSocketAddress address, String addressKey) throws IOException {
    this.what = what;
    this.addressKey = addressKey;
    this.address = address;
    Configuration c = new Configuration(conf);
    c.setBoolean(PROMETHEUS_ENABLED_KEY, false); // ours: see SharedPrometheusSink
    try {
      server = new HttpServer2.Builder()
          .setName(name)
          .addEndpoint(URI.create("http://" + address.getHostString() + ":" + address.getPort()))
          .setFindPort(false)
          .setConf(c)
          .build();
    } catch (IOException e) {
      throw new IOException(what + " HTTP server on " + address + ": " + e.getMessage(), e);
    }
    server.setAttribute(JsonModels.ATTRIBUTE, models);
    server.setAttribute(EventStreams.ATTRIBUTE, streams);
    server.addInternalServlet("quire-api", ApiServlet.PATH + "/*", ApiServlet.class);
    server.addInternalServlet("quire-events", EventStreamServlet.PATH + "/*",
        EventStreamServlet.class);
    server.addInternalServlet("quire-ui", UiResourceServlet.PATH + "/*",
        UiResourceServlet.class);
    server.addInternalServlet("quire-prom", PromServlet.PATH, PromServlet.class);
  }

  /** Offers {@code model} at {@code /api/<name>} and {@code /events/<name>}. */
  public QuireHttpServer addModel(String name, JsonModel model) {
    models.add(name, model);
    return this;
  }

  /** Adds a servlet of the daemon's own (before {@link #start}). */
  public QuireHttpServer addServlet(String name, String path,
      Class<? extends HttpServlet> servlet) {
    server.addInternalServlet(name, path, servlet);
    return this;
  }

  /** Sets a servlet-context attribute the daemon's servlets read. */
  public QuireHttpServer setAttribute(String name, Object value) {
    server.setAttribute(name, value);
    return this;
  }

  /** Binds and serves. @throws IOException naming the address and the key that sets it */
  public void start() throws IOException {
    SharedPrometheusSink.get();
    try {
      server.start();
    } catch (IOException e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof java.net.BindException) {
          AddressInUseException a = new AddressInUseException(
              address.getHostString() + ":" + address.getPort(), addressKey,
              what + " HTTP server: port in use");
          a.initCause(e);
          throw a;
        }
      }
      throw new IOException(what + " HTTP server cannot bind " + address + ": "
          + e.getMessage() + " (set " + addressKey + ")", e);
    }
  }

  /** The bound address (after {@link #start}). */
  public InetSocketAddress getAddress() {
    return server.getConnectorAddress(0);
  }

  /** Ends the event streams, then stops the server. */
  @Override public void close() throws IOException {
    streams.close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IOException("stopping the " + what + " HTTP server", e);
    }
  }
}
