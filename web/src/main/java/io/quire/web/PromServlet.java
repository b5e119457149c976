package io.quire.web;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;

/**
 * {@code GET /prom}: every metrics2 source of this JVM in the Prometheus text format
 * (version 0.0.4), as Hadoop's PrometheusServlet writes it: samples taken now
 * ({@code publishMetricsNow}), written by Hadoop's PrometheusMetricsSink (names in snake case,
 * record name first: NameNode's FilesTotal is {@code name_node_files_total}; tags as labels).
 */
public final class PromServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/prom";

  @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    var sink = SharedPrometheusSink.get();
    DefaultMetricsSystem.instance().publishMetricsNow();
    resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
    PrintWriter out = resp.getWriter();
    sink.writeMetrics(out);
    out.flush();
  }
}
