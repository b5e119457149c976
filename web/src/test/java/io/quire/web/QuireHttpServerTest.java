package io.quire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One {@link QuireHttpServer} with test models: /api answers JSON or a JSON error with the
 * documented status, /events pushes a changed model, /ui serves only plain names from the jar,
 * /prom is served as text, and Hadoop's own pages are there.
 */
@Timeout(60)
class QuireHttpServerTest {
  record Counter(long value, String name) { }

  private static final AtomicLong VALUE = new AtomicLong();
  private static QuireHttpServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    server = new QuireHttpServer("webtest", "Test", new Configuration(),
        new InetSocketAddress("127.0.0.1", 0), "test.http-address");
    server.addModel("counter", p -> new Counter(VALUE.get(), p.getOrDefault("name", "")))
        .addModel("missing", p -> {
          throw new FileNotFoundException("no such thing: " + p.get("path"));
        })
        .addModel("bad", p -> {
          throw new IllegalArgumentException("bad parameter");
        });
    server.start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    InetSocketAddress a = server.getAddress();
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getPort()
        + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void apiAnswersJsonAndErrorsWithTheirStatus() throws Exception {
    VALUE.set(7);
    HttpResponse<String> r = get("/api/counter?name=%3Cscript%3E");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("{\"value\":7,\"name\":\"<script>\"}", r.body());
    HttpResponse<String> missing = get("/api/missing?path=/x");
    assertEquals(404, missing.statusCode());
    assertEquals("{\"error\":\"no such thing: /x\"}", missing.body());
    assertEquals(400, get("/api/bad").statusCode());
    assertEquals(404, get("/api/nothing").statusCode());
  }

  @Test
  void eventsArePushedWhenTheModelChanges() throws Exception {
    VALUE.set(1);
    InetSocketAddress a = server.getAddress();
    HttpResponse<Stream<String>> r = CLIENT.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + a.getPort() + "/events/counter")).build(),
        HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, r.statusCode());
    try (Stream<String> lines = r.body()) {
      Iterator<String> it = lines.iterator();
      assertEquals("retry: 2000", it.next());
      String data;
      while (!(data = it.next()).startsWith("data: ")) {
        // blank line and keep-alive comments
      }
      assertEquals("data: {\"value\":1,\"name\":\"\"}", data);
      VALUE.set(2);
      while (!(data = it.next()).startsWith("data: ")) {
        assertTrue(data.isEmpty() || data.equals(":"), data);
      }
      assertEquals("data: {\"value\":2,\"name\":\"\"}", data);
    }
  }

  @Test
  void uiResourcesComeFromTheJarByPlainNameOnly() throws Exception {
    HttpResponse<String> js = get("/ui/quire.js");
    assertEquals(200, js.statusCode());
    assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertTrue(js.body().contains("EventSource"));
    assertEquals(200, get("/ui/quire.css").statusCode());
    assertEquals(404, get("/ui/QuireHttpServer.class").statusCode());
    assertEquals(404, get("/ui/none.js").statusCode());
  }

  @Test
  void pagesPromAndHadoopEndpoints() throws Exception {
    assertTrue(get("/index.html").body().contains("test page"));
    HttpResponse<String> prom = get("/prom");
    assertEquals(200, prom.statusCode());
    assertTrue(prom.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    for (String p : new String[] {"/jmx", "/conf", "/stacks", "/logLevel"}) {
      assertEquals(200, get(p).statusCode(), p);
    }
  }
}
