package io.quire.webui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.datanode.DataNode;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.Timing;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The NameNode's and DataNodes' web servers on one mini cluster (one NameNode, three
 * DataNodes): Hadoop's endpoints (/jmx valid JSON, /prom strict Prometheus text carrying the
 * NameNode's metrics2 values, /conf, /stacks, /logLevel), /isActive, the JSON behind the pages
 * (overview = admin report, DataNodes, file browser, DataNode page), the Server-Sent Event
 * push, and pages that load nothing from the network.
 */
@Timeout(180)
class WebUiTest {
  static final int BLOCK = 64 * 1024;
  static final int LENGTH = 3 * BLOCK + 1000; // 4 blocks
  static final String SCRIPT_NAME = "<script>";
  private static MiniQuireCluster cluster;
  private static FileSystem fs;
  private static InetSocketAddress nnHttp;

  @BeforeAll
  static void start() throws IOException {
    Configuration conf = new Configuration();
    conf.setLong("quire.blocksize", BLOCK);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(3).build();
    fs = cluster.getFileSystem();
    nnHttp = cluster.getNameNodeHttpAddress(0);
    fs.mkdirs(new Path("/web"));
    try (FSDataOutputStream out = fs.create(new Path("/web/data"))) {
      out.write(new byte[LENGTH]);
    }
    try (FSDataOutputStream out = fs.create(new Path("/web/" + SCRIPT_NAME))) {
      out.write(1);
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void jmxIsValidJsonAndCarriesTheNameNodeSource() throws IOException {
    JsonNode jmx = Http.json(nnHttp, "/jmx");
    assertTrue(jmx.get("beans").isArray());
    String source = cluster.getNameNode().getMetrics().getName();
    boolean found = false;
    for (JsonNode bean : jmx.get("beans")) {
      found |= bean.path("name").asText().contains("name=" + source)
          && bean.has("FilesTotal");
    }
    assertTrue(found, "no MBean of " + source + " with FilesTotal in /jmx");
    assertTrue(Http.json(cluster.getDataNodeHttpAddress(0), "/jmx").get("beans").isArray());
  }

  @Test
  void promIsPrometheusTextWithTheNameNodesMetrics() throws Exception {
    String source = cluster.getNameNode().getMetrics().getName();
    Map<String, String> ours = Map.of("source", source);
    Http.Response r = Http.get(nnHttp, "/prom");
    assertEquals(200, r.status());
    assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
    PrometheusText before = PrometheusText.parse(r.body());
    assertEquals("counter", before.types.get("name_node_journal_sync_num_ops"));
    assertEquals("gauge", before.types.get("name_node_files_total"));
    double syncs = before.find("name_node_journal_sync_num_ops", ours).value();
    double files = before.find("name_node_files_total", ours).value();
    assertEquals(3, before.find("name_node_num_live_data_nodes", ours).value());

    for (int i = 0; i < 3; i++) {
      fs.mkdirs(new Path("/prom-moves/d" + i));
    }
    PrometheusText after = PrometheusText.parse(Http.get(nnHttp, "/prom").body());
    assertEquals(files + 4, after.find("name_node_files_total", ours).value());
    assertTrue(after.find("name_node_journal_sync_num_ops", ours).value() >= syncs + 3);
    // a DataNode's server serves the same JVM-wide metrics system, DataNode sources included
    PrometheusText dn = PrometheusText.parse(
        Http.get(cluster.getDataNodeHttpAddress(1), "/prom").body());
    assertTrue(dn.samples.stream().anyMatch(s -> s.name().startsWith("data_node_activity_")),
        "no DataNode metrics in the DataNode's /prom");
  }

  @Test
  void hadoopEndpointsAndIsActive() throws IOException {
    for (InetSocketAddress a : new InetSocketAddress[] {nnHttp,
        cluster.getDataNodeHttpAddress(2)}) {
      for (String p : new String[] {"/conf", "/stacks", "/logLevel"}) {
        assertEquals(200, Http.get(a, p).status(), p + " on " + a);
      }
    }
    Http.Response active = Http.get(nnHttp, "/isActive");
    assertEquals(200, active.status());
  }

  @Test
  void overviewEqualsAdminReport() throws Exception {
    AtomicReference<String> last = new AtomicReference<>();
    await().atMost(Timing.seconds(30)).untilAsserted(() -> {
      AdminReport report = AdminReport.run(cluster);
      JsonNode o = Http.json(nnHttp, "/api/overview");
      last.set(report.text() + "\n" + o);
      assertEquals(report.live(), o.at("/dataNodes/live").asInt(), last.get());
      assertEquals(report.capacity(), o.at("/capacity/total").asLong(), last.get());
      assertEquals(report.blocks(), o.get("blocks").asLong(), last.get());
      assertEquals(report.files(), o.get("files").asLong(), last.get());
    });
    JsonNode o = Http.json(nnHttp, "/api/overview");
    assertEquals(3, o.at("/dataNodes/live").asInt());
    assertTrue(o.at("/capacity/total").asLong() > 0);
    assertEquals("ACTIVE", o.get("haState").asText());
    assertFalse(o.get("ha").asBoolean());
    assertFalse(o.at("/safeMode/on").asBoolean());
    assertTrue(o.at("/journal/lastAppliedTxId").asLong() > 0);
    assertEquals(o.at("/journal/lastAppliedTxId").asLong(),
        o.at("/journal/lastWrittenTxId").asLong());
    Set<String> ops = new HashSet<>();
    o.at("/topOperations/ops").forEach(n -> ops.add(n.get("op").asText()));
    assertTrue(ops.contains("create") && ops.contains("complete") && ops.contains("mkdirs"),
        "top operations of the last minute: " + ops);
  }

  @Test
  void overviewShowsTheNewestCheckpoint() throws IOException {
    long txId = cluster.getNameNode().getCheckpointer().saveCheckpointNow();
    JsonNode o = Http.json(nnHttp, "/api/overview");
    assertEquals(txId, o.at("/checkpoint/txId").asLong());
    assertTrue(o.at("/checkpoint/ageMs").asLong() >= 0, o.toString());
  }

  @Test
  void dataNodesPageListsEveryNode() throws IOException {
    JsonNode nodes = Http.json(nnHttp, "/api/datanodes").get("nodes");
    assertEquals(3, nodes.size());
    Set<String> uuids = new HashSet<>();
    nodes.forEach(n -> {
      uuids.add(n.get("uuid").asText());
      assertEquals("LIVE", n.get("state").asText());
      assertTrue(n.get("capacity").asLong() > 0);
    });
    for (int i = 0; i < 3; i++) {
      assertTrue(uuids.contains(cluster.getDataNode(i).getDataNodeUuid()));
    }
  }

  @Test
  void fileBrowserListsStatsAndLocatesBlocks() throws IOException {
    JsonNode dir = Http.json(nnHttp, "/api/browse?path=" + q("/web"));
    assertTrue(dir.at("/status/directory").asBoolean());
    Set<String> names = new HashSet<>();
    dir.get("entries").forEach(e -> names.add(e.get("name").asText()));
    assertEquals(Set.of("data", SCRIPT_NAME), names);

    JsonNode file = Http.json(nnHttp, "/api/browse?path=" + q("/web/data"));
    assertFalse(file.at("/status/directory").asBoolean());
    assertEquals(LENGTH, file.at("/status/length").asLong());
    assertEquals(3, file.at("/status/replication").asInt());
    assertEquals("rw-r--r--", file.at("/status/permission").asText());
    JsonNode blocks = file.get("blocks");
    assertEquals(4, blocks.size());
    Set<String> dataAddresses = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      dataAddresses.add(cluster.getDataNode(i).getDataNodeId().getDataAddress());
    }
    long offset = 0;
    for (JsonNode b : blocks) {
      assertEquals(offset, b.get("offset").asLong());
      offset += b.get("numBytes").asLong();
      Set<String> at = new HashSet<>();
      b.get("locations").forEach(l -> at.add(l.get("address").asText()));
      assertEquals(dataAddresses, at, "locations of block " + b);
      long id = b.get("blockId").asLong();
      for (int i = 0; i < 3; i++) {
        assertTrue(cluster.getDataNode(i).getBlockFile(id) != null, "replica of " + id);
      }
    }
    assertEquals(LENGTH, offset);

    JsonNode script = Http.json(nnHttp, "/api/browse?path=" + q("/web/" + SCRIPT_NAME));
    assertEquals(SCRIPT_NAME, script.at("/status/name").asText());
    assertEquals(1, script.at("/status/length").asLong());
    assertEquals(1, script.get("blocks").size());

    Http.Response missing = Http.get(nnHttp, "/api/browse?path=" + q("/no/such"));
    assertEquals(404, missing.status());
    assertTrue(missing.json().get("error").asText().contains("/no/such"), missing.body());
    assertEquals(400, Http.get(nnHttp, "/api/browse?path=relative").status());
    assertEquals(404, Http.get(nnHttp, "/api/no-such-model").status());
  }

  @Test
  void dataNodePageShowsVolumesAndReplicaCounts() throws Exception {
    long blocks = Http.json(nnHttp, "/api/overview").get("blocks").asLong();
    await().atMost(Timing.seconds(30)).untilAsserted(() -> {
      long finalized = 0;
      for (int i = 0; i < 3; i++) {
        DataNode dn = cluster.getDataNode(i);
        JsonNode page = Http.json(cluster.getDataNodeHttpAddress(i), "/api/datanode");
        assertEquals(dn.getDataNodeUuid(), page.get("uuid").asText());
        JsonNode volumes = page.get("volumes");
        assertEquals(dn.getOptions().dataDirs().size(), volumes.size());
        long onVolumes = 0;
        for (JsonNode v : volumes) {
          assertEquals("healthy", v.get("state").asText());
          assertTrue(v.get("capacity").asLong() > 0);
          onVolumes += v.get("replicas").asLong();
        }
        assertEquals(dn.getFsDataset().replicas().size(), page.at("/replicas/total").asLong());
        assertEquals(page.at("/replicas/total").asLong(), onVolumes);
        finalized += page.at("/replicas/byState/FINALIZED").asLong();
        assertEquals(dn.getOptions().transferThreads(),
            page.at("/transfers/maxThreads").asInt());
        assertTrue(page.has("scanner"));
      }
      assertEquals(3 * blocks, finalized, "every block of the NameNode on all 3 DataNodes");
    });
  }

  @Test
  void overviewIsPushedAsServerSentEvents() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest req = HttpRequest.newBuilder(Http.uri(nnHttp, "/events/overview")).build();
    HttpResponse<Stream<String>> resp = client.send(req, HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, resp.statusCode());
    assertTrue(resp.headers().firstValue("Content-Type").orElse("")
        .startsWith("text/event-stream"));
    long deadline = System.nanoTime() + Timing.seconds(30).toNanos();
    try (Stream<String> lines = resp.body()) {
      Iterator<String> it = lines.iterator();
      long firstFiles = -1;
      boolean created = false;
      while (true) {
        assertTrue(System.nanoTime() < deadline, "no pushed event showed the new file");
        String line = it.next();
        if (!line.startsWith("data: ")) {
          continue;
        }
        long files = Http.JSON.readTree(line.substring(6)).get("files").asLong();
        if (firstFiles < 0) {
          firstFiles = files;
          fs.mkdirs(new Path("/pushed"));
          created = true;
        } else if (created && files == firstFiles + 1) {
          break;
        }
      }
    }
  }

  @Test
  void pagesLoadNothingFromTheNetwork() throws IOException {
    Pattern external = Pattern.compile("(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//"
        + "|url\\(\\s*[\"']?(https?:)?//|@import|fetch\\(\\s*[\"'](https?:)?//",
        Pattern.CASE_INSENSITIVE);
    InetSocketAddress dn = cluster.getDataNodeHttpAddress(0);
    Object[][] pages = {{nnHttp, "/"}, {nnHttp, "/datanodes.html"},
        {nnHttp, "/explorer.html"}, {nnHttp, "/ui/quire.js"}, {nnHttp, "/ui/quire.css"},
        {dn, "/"}, {dn, "/ui/quire.js"}};
    for (Object[] p : pages) {
      Http.Response r = Http.get((InetSocketAddress) p[0], (String) p[1]);
      assertEquals(200, r.status(), p[1] + " on " + p[0]);
      assertFalse(external.matcher(r.body()).find(), p[1] + " references the network");
    }
    assertEquals(404, Http.get(nnHttp, "/ui/no-such.js").status());
    assertTrue(Http.get(nnHttp, "/ui/..%2F..%2Fetc%2Fpasswd").status() >= 400);
  }
}
