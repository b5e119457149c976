package io.quire.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.ServletContext;
import javax.servlet.ServletRequest;
import javax.servlet.ServletRequestWrapper;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.hadoop.security.AccessControlException;

/**
 * The {@link JsonModel}s one HTTP server offers, by name, and their JSON rendering (Jackson,
 * compact: one line, as a Server-Sent Event's data needs). Kept as a servlet-context attribute.
 */
public final class JsonModels {
  static final String ATTRIBUTE = "quire.web.models";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, JsonModel> models = new ConcurrentHashMap<>();

  void add(String name, JsonModel model) {
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("model name '" + name + "': use [a-z][a-z0-9-]*");
    }
    models.put(name, model);
  }

  static JsonModels of(ServletContext context) {
    return (JsonModels) context.getAttribute(ATTRIBUTE);
  }

  /** The model named by the request's path info ({@code /<name>}), or null. */
  JsonModel find(HttpServletRequest req) {
    String info = req.getPathInfo();
    return info == null || info.length() < 2 ? null : models.get(info.substring(1));
  }

  /** A model's answer as JSON, or an {@code {"error": ...}} object with its HTTP status. */
  Rendered render(JsonModel model, HttpServletRequest req) {
    Map<String, String> params = new LinkedHashMap<>();
    raw(req).getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
    try {
      return new Rendered(HttpServletResponse.SC_OK,
          MAPPER.writeValueAsString(model.build(params)));
    } catch (FileNotFoundException e) {
      return error(HttpServletResponse.SC_NOT_FOUND, e);
    } catch (AccessControlException e) {
      return error(HttpServletResponse.SC_FORBIDDEN, e);
    } catch (IllegalArgumentException e) {
      return error(HttpServletResponse.SC_BAD_REQUEST, e);
    } catch (IOException | RuntimeException e) {
      return error(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e);
    }
  }

  /**
   * The request under HttpServer2's QuotingInputFilter, which HTML-escapes parameter values
   * ({@code <} becomes {@code &lt;}): a model needs them as sent (a file named {@code <b>}).
   * Models answer JSON, never HTML; the pages put values in as text.
   */
  private static ServletRequest raw(ServletRequest req) {
    ServletRequest r = req;
    while (r instanceof ServletRequestWrapper w) {
      r = w.getRequest();
    }
    return r;
  }

  private static Rendered error(int status, Exception e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    try {
      return new Rendered(status, MAPPER.writeValueAsString(Map.of("error", msg)));
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** HTTP status and JSON body. */
  record Rendered(int status, String json) { }
}
