package io.quire.web;

import java.io.IOException;
import java.util.Map;

/**
 * The data of one web UI page (or part of one), built fresh per request: a tree Jackson can
 * write (maps, lists, records, strings, numbers, booleans). Served once as JSON by
 * {@link ApiServlet} ({@code GET /api/<name>}) and pushed as Server-Sent Events by
 * {@link EventStreamServlet} ({@code GET /events/<name>}).
 */
@FunctionalInterface
public interface JsonModel {
  /**
   * @param params the request's query parameters (first value of each)
   * @throws java.io.FileNotFoundException answered 404
   * @throws org.apache.hadoop.security.AccessControlException answered 403
   * @throws IllegalArgumentException a bad parameter, answered 400
   * @throws IOException anything else, answered 500; the message is shown to the user
   */
  Object build(Map<String, String> params) throws IOException;
}
