package io.quire.webui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.testing.TargetDirs;
import io.quire.testing.Timing;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The web UI rendered in headless Chromium (Debian's, as scripts/report-test.sh uses; .ci/run
 * installs it before the build and sets QUIRE_REQUIRE_CHROMIUM=1, so there a missing browser
 * fails the test; elsewhere the test is skipped without it): the overview shows
 * what {@code quire admin report} prints, and shows a stopped DataNode dead without a reload
 * (Server-Sent Events); the file browser shows a file named {@code <script>} as text; the
 * DataNode page shows its replicas; no page requests anything but its own server.
 */
@Timeout(240)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiInBrowserTest {
  private static MiniQuireCluster cluster;
  private static Chromium chromium;
  private static String nnUrl;
  private static String dnUrl;

  @BeforeAll
  static void start() throws Exception {
    if (!Chromium.installed() && "1".equals(System.getenv("QUIRE_REQUIRE_CHROMIUM"))) {
      throw new AssertionError(Chromium.BINARY + " is missing but QUIRE_REQUIRE_CHROMIUM=1:"
          + " run scripts/install-chromium.sh");
    }
    assumeTrue(Chromium.installed(), Chromium.BINARY + " is not installed"
        + " (scripts/install-chromium.sh; .ci/run installs it before the build)");
    Configuration conf = new Configuration();
    conf.setLong("quire.blocksize", 64 * 1024);
    // a stopped DataNode is dead within seconds
    conf.setLong(NameNodeConfigKeys.HEARTBEAT_STALE_KEY, 1000);
    conf.setLong(NameNodeConfigKeys.HEARTBEAT_EXPIRE_KEY, 3000);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(3).build();
    FileSystem fs = cluster.getFileSystem();
    fs.mkdirs(new Path("/web"));
    try (FSDataOutputStream out = fs.create(new Path("/web/data"))) {
      out.write(new byte[200 * 1024]);
    }
    for (String name : new String[] {"<script>", "<img src=x onerror=window.pwned=1>"}) {
      try (FSDataOutputStream out = fs.create(new Path("/web/" + name))) {
        out.write(1);
      }
    }
    InetSocketAddress a = cluster.getNameNodeHttpAddress(0);
    nnUrl = "http://localhost:" + a.getPort();
    chromium = Chromium.launch(TargetDirs.freshFile(WebUiInBrowserTest.class, "chromium"),
        Timing.seconds(60));
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Polls {@code value} until {@code ok} accepts it (a non-null value); fails at the end. */
  private static <T> T waitFor(String what, Callable<T> value, Predicate<T> ok) {
    return await(what).atMost(Timing.seconds(60)).pollInterval(Duration.ofMillis(100))
        .until(value, v -> v != null && ok.test(v));
  }

  private static long leadingNumber(String text) {
    return Long.parseLong(text.trim().split("[ (]")[0]);
  }

  @Test
  @Order(1)
  void overviewShowsWhatAdminReportPrintsAndADeadNodeWithoutReload() throws Exception {
    chromium.navigate(nnUrl + "/");
    waitFor("stream status", () -> chromium.text("stream-status"), "live"::equals);
    waitFor("live DataNodes", () -> chromium.text("live-nodes"), "3"::equals);
    // the page and the admin report agree (once block reports settled)
    waitFor("page = admin report", () -> {
      AdminReport r = AdminReport.run(cluster);
      String page = chromium.text("live-nodes") + " " + chromium.text("capacity") + " "
          + chromium.text("blocks") + " " + chromium.text("files");
      boolean same = r.live() == Long.parseLong(chromium.text("live-nodes"))
          && r.capacity() == leadingNumber(chromium.text("capacity"))
          && r.blocks() == Long.parseLong(chromium.text("blocks"))
          && r.files() == Long.parseLong(chromium.text("files"));
      return same ? page : null;
    }, p -> true);
    chromium.eval("window.quireMarker = 'same document'");

    cluster.stopDataNode(0);
    waitFor("dead DataNodes", () -> chromium.text("dead-nodes"), "1"::equals);
    assertEquals("2", chromium.text("live-nodes"));
    assertEquals("same document", chromium.eval("window.quireMarker").asText(),
        "the page was reloaded");
    AdminReport after = AdminReport.run(cluster);
    assertEquals(1, after.dead());
    assertEquals(after.capacity(), leadingNumber(chromium.text("capacity")));
  }

  @Test
  @Order(2)
  void fileBrowserShowsHostileNamesAsText() throws Exception {
    chromium.navigate(nnUrl + "/explorer.html#/web");
    String listing = waitFor("listing of /web", () -> chromium.text("entries"),
        t -> t.contains("data"));
    assertTrue(listing.contains("<script>"), listing);
    assertTrue(listing.contains("<img src=x onerror=window.pwned=1>"), listing);
    assertEquals(0, chromium.eval(
        "document.querySelectorAll('#entries script, #entries img').length").asInt());
    assertTrue(chromium.eval("window.pwned === undefined").asBoolean());

    chromium.eval("[...document.querySelectorAll('#entries a.entry')]"
        + ".find(a => a.textContent === '<script>').click()");
    waitFor("the file named <script>", () -> chromium.text("file-path"),
        "/web/<script>"::equals);
    assertEquals(1, chromium.eval("document.querySelectorAll('#blocks tr').length").asInt());

    chromium.navigate(nnUrl + "/explorer.html#/web");
    waitFor("listing of /web again", () -> chromium.eval(
        "document.getElementById('listing-section').hidden").asBoolean() ? null
            : chromium.text("entries"), t -> t.contains("data"));
    chromium.eval("[...document.querySelectorAll('#entries a.entry')]"
        + ".find(a => a.textContent === 'data').click()");
    waitFor("the 4 blocks of /web/data", () -> chromium.text("file-path").equals("/web/data")
        ? chromium.eval("document.querySelectorAll('#blocks tr').length").asInt() : null,
        n -> n == 4);
    assertTrue(chromium.text("blocks").contains("LIVE"), chromium.text("blocks"));
  }

  @Test
  @Order(3)
  void dataNodePageShowsItsReplicas() throws Exception {
    int live = 1; // DataNode 0 was stopped above
    dnUrl = "http://127.0.0.1:" + cluster.getDataNodeHttpAddress(live).getPort();
    chromium.navigate(dnUrl + "/");
    int replicas = cluster.getDataNode(live).getFsDataset().replicas().size();
    assertTrue(replicas >= 4);
    waitFor("replicas on the DataNode page", () -> chromium.text("replicas-total"),
        String.valueOf(replicas)::equals);
    assertTrue(chromium.text("volumes").contains("healthy"));
  }

  @Test
  @Order(4)
  void pagesRequestNothingButTheirOwnServer() throws IOException {
    for (String url : chromium.requestedUrls()) {
      assertTrue(url.startsWith(nnUrl + "/") || url.startsWith(dnUrl + "/"),
          "a page requested " + url);
    }
    assertTrue(chromium.requestedUrls().stream().anyMatch(u -> u.endsWith("/ui/quire.js")));
  }
}
