package io.quire.webui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileUtil;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol (a WebSocket, java.net.http), for
 * web UI tests: launched with the flags scripts/report-test.sh uses plus
 * {@code --remote-debugging-port=0} (the DevTools URL is read from its stderr), then one page
 * that tests navigate and query with {@link #eval}. Every network request the page makes is
 * recorded ({@link #requestedUrls}).
 */
final class Chromium implements AutoCloseable {
  static final String BINARY = "/usr/bin/chromium";
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final File userDataDir;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> requested = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();

  /** Whether Debian's chromium is installed here. */
  static boolean installed() {
    return new File(BINARY).canExecute();
  }

  /** Starts chromium with a fresh profile under {@code workDir} and attaches to its page. */
  static Chromium launch(File workDir, Duration timeout) throws Exception {
    return new Chromium(workDir, timeout);
  }

  private Chromium(File workDir, Duration timeout) throws Exception {
    userDataDir = Files.createTempDirectory(workDir.toPath(), "chromium-profile").toFile();
    process = new ProcessBuilder(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + userDataDir.getAbsolutePath(), "--remote-debugging-port=0",
        "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    CompletableFuture<String> browserUrl = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          stderr.add(line);
          Matcher m = DEVTOOLS.matcher(line);
          if (m.find()) {
            browserUrl.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        browserUrl.completeExceptionally(e);
      }
      browserUrl.completeExceptionally(new IOException("chromium exited: " + stderr));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      URI browser = URI.create(browserUrl.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      URI page = pageTarget(browser);
      socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(page, new Listener()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      call("Network.enable", Map.of(), timeout);
      call("Page.enable", Map.of(), timeout);
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /** The WebSocket of the first page target ({@code /json/list} of the DevTools server). */
  private static URI pageTarget(URI browser) throws IOException {
    Http.Response list = Http.get(new java.net.InetSocketAddress(browser.getHost(),
        browser.getPort()), "/json/list");
    for (JsonNode t : Http.JSON.readTree(list.body())) {
      if ("page".equals(t.path("type").asText())) {
        return URI.create(t.get("webSocketDebuggerUrl").asText());
      }
    }
    throw new IOException("chromium has no page target: " + list.body());
  }

  /** Sends a DevTools command and waits for its result. */
  JsonNode call(String method, Map<String, Object> params, Duration timeout) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    ObjectNode msg = Http.JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", Http.JSON.valueToTree(params));
    socket.sendText(Http.JSON.writeValueAsString(msg), true).get(timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    JsonNode r = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (r.has("error")) {
      throw new IOException(method + ": " + r.get("error"));
    }
    return r.get("result");
  }

  void navigate(String url) throws Exception {
    call("Page.navigate", Map.of("url", url), Duration.ofSeconds(30));
  }

  /** Evaluates a JavaScript expression in the page; its value as JSON (null if undefined). */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression,
        "returnByValue", true), Duration.ofSeconds(30));
    if (r.has("exceptionDetails")) {
      throw new IOException("evaluating " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** Text of element {@code #id}, or null while there is no such element. */
  String text(String id) throws Exception {
    JsonNode v = eval("(e => e ? e.textContent : null)(document.getElementById('"
        + id + "'))");
    return v.isNull() || v.isMissingNode() ? null : v.asText();
  }

  /** Every URL the page requested since launch. */
  List<String> requestedUrls() {
    return new ArrayList<>(requested);
  }

  @Override public void close() {
    if (socket != null) {
      socket.abort();
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    FileUtil.fullyDelete(userDataDir);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String msg = partial.toString();
        partial.setLength(0);
        try {
          JsonNode n = Http.JSON.readTree(msg);
          if (n.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(n.get("id").asInt());
            if (f != null) {
              f.complete(n);
            }
          } else if ("Network.requestWillBeSent".equals(n.path("method").asText())) {
            requested.add(n.at("/params/request/url").asText());
          }
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
      }
      ws.request(1);
      return null;
    }
  }
}
