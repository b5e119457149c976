package io.quire.web;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /events/<name>?params}: the {@link JsonModel} {@code name} as a Server-Sent Event
 * stream ({@code text/event-stream}, what a browser's {@code EventSource} reads). Format:
 * {@code retry: 2000} once, then an event {@code data: <json>} whenever the model's JSON differs
 * from the last one sent (looked at every {@link EventStreams#periodMs}), and a comment line
 * {@code : } in between, which finds a browser that went away. An event of a failing model is
 * {@code event: failure} with {@code data: {"error": ...}}; the stream goes on. Ends when the
 * client disconnects or the server stops.
 */
public final class EventStreamServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/events";

  @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    JsonModels models = JsonModels.of(getServletContext());
    EventStreams streams = EventStreams.of(getServletContext());
    JsonModel model = models.find(req);
    if (model == null) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no such model: " + req.getPathInfo());
      return;
    }
    if (!streams.tryAcquire()) {
      resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "too many open event streams; try again later");
      return;
    }
    try {
      resp.setContentType("text/event-stream; charset=utf-8");
      resp.setHeader("Cache-Control", "no-store");
      resp.setHeader("X-Accel-Buffering", "no");
      PrintWriter out = resp.getWriter();
      out.write("retry: 2000\n\n");
      String last = null;
      do {
        JsonModels.Rendered r = models.render(model, req);
        if (!r.json().equals(last)) {
          out.write(r.status() == HttpServletResponse.SC_OK ? "" : "event: failure\n");
          out.write("data: " + r.json() + "\n\n");
          last = r.json();
        } else {
          out.write(":\n\n");
        }
        out.flush();
        if (out.checkError()) {
          return; // the browser went away
        }
      } while (streams.awaitNext());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      streams.release();
    }
  }
}
