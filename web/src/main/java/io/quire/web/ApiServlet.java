package io.quire.web;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/<name>?params}: the {@link JsonModel} {@code name} once, as
 * {@code application/json}; 404 for an unknown name; a failing model answers
 * {@code {"error": "..."}} with the status {@link JsonModel#build} documents.
 */
public final class ApiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/api";

  @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    JsonModels models = JsonModels.of(getServletContext());
    JsonModel model = models.find(req);
    if (model == null) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no such model: " + req.getPathInfo());
      return;
    }
    JsonModels.Rendered r = models.render(model, req);
    resp.setStatus(r.status());
    resp.setContentType("application/json; charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getWriter().write(r.json());
  }
}
