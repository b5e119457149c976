package io.quire.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /ui/<file>}: the CSS and JavaScript the Quire pages share, read from this jar
 * ({@code io/quire/web/ui/}); nothing is ever loaded from the network. Only plain names
 * ({@code [a-z0-9-]+.(css|js|svg)}) are served; anything else is 404.
 */
public final class UiResourceServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/ui";
  private static final String BASE = "io/quire/web/ui/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(css|js|svg)");
  private static final Map<String, String> TYPES = Map.of(
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml");

  @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    String info = req.getPathInfo();
    String name = info == null ? "" : info.substring(1);
    InputStream in = NAME.matcher(name).matches()
        ? UiResourceServlet.class.getClassLoader().getResourceAsStream(BASE + name) : null;
    if (in == null) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no such UI resource: " + name);
      return;
    }
    try (InputStream data = in; OutputStream out = resp.getOutputStream()) {
      resp.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
      resp.setHeader("Cache-Control", "no-cache");
      data.transferTo(out);
    }
  }
}
