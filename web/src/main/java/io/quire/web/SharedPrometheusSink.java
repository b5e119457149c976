package io.quire.web;

import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.apache.hadoop.metrics2.sink.PrometheusMetricsSink;

/**
 * The one Prometheus sink of this JVM, registered with {@link DefaultMetricsSystem} (where
 * every Quire metrics source is) the first time a Quire HTTP server asks for it, and read by
 * every Quire server's {@code /prom}.
 *
 * <p>Why not HttpServer2's own {@code hadoop.prometheus.endpoint.enabled}: each HttpServer2
 * registers a new sink under the fixed name "prometheus" and the metrics system (3.4.2) can
 * neither replace nor unregister a sink, so in a JVM with several servers (MiniQuireCluster)
 * only the first server's /prom ever had values, and none after that server was restarted.
 */
final class SharedPrometheusSink {
  static final String NAME = "quire-prometheus";
  private static PrometheusMetricsSink sink;

  private SharedPrometheusSink() {}

  static synchronized PrometheusMetricsSink get() {
    if (sink == null) {
      sink = DefaultMetricsSystem.instance().register(NAME,
          "Quire's Prometheus exporter (/prom)", new PrometheusMetricsSink());
    }
    return sink;
  }
}
