package io.quire.namenode.http;

import io.quire.namenode.namesystem.HaGate;
import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@code GET /isActive}: 200 on the active NameNode, 405 on any other (as HDFS's). */
public final class IsActiveServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    NameNodeState state = NameNodeHttpServer.state(getServletContext());
    HaGate gate = state == null ? null : state.gate();
    resp.setContentType("text/plain; charset=utf-8");
    if (gate == null) {
      resp.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      resp.getWriter().println("reloading");
    } else if (gate.isActive()) {
      resp.setStatus(HttpServletResponse.SC_OK);
      resp.getWriter().println("active");
    } else {
      resp.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      resp.getWriter().println(gate.state().name().toLowerCase());
    }
  }
}
