package io.quire.webui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs against a daemon's web server, for the web UI tests. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();

  record Response(int status, String contentType, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  private Http() {}

  static URI uri(InetSocketAddress a, String pathAndQuery) {
    return URI.create("http://" + a.getHostString() + ":" + a.getPort() + pathAndQuery);
  }

  static Response get(InetSocketAddress a, String pathAndQuery) throws IOException {
    HttpRequest req = HttpRequest.newBuilder(uri(a, pathAndQuery))
        .timeout(Duration.ofSeconds(30)).GET().build();
    try {
      HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("GET " + req.uri() + " interrupted", e);
    }
  }

  /** GET that must answer 200 with a JSON body. */
  static JsonNode json(InetSocketAddress a, String pathAndQuery) throws IOException {
    Response r = get(a, pathAndQuery);
    if (r.status() != 200) {
      throw new IOException("GET " + pathAndQuery + ": HTTP " + r.status() + ": " + r.body());
    }
    return r.json();
  }
}
