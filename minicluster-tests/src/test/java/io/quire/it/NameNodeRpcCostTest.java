package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.journal.FileJournalWriter;
import io.quire.namenode.rpc.ClientCallCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The NameNode cost of the common FileSystem calls, counted at the NameNode's RPC handler
 * ({@link ClientCallCounts}) and at its journal ({@link FileJournalWriter#getSyncCount}): the
 * same as HDFS's (getFileStatus = 1 getFileInfo and no sync; create + close = create + complete
 * and 2 syncs; open = 1 getBlockLocations; rename, delete, mkdirs = 1 call and 1 sync), and
 * concurrent mutations share journal syncs (group commit).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NameNodeRpcCostTest {
  /** Entries per getListing page here (small, so a test can list several pages). */
  private static final int LIST_LIMIT = 4;
  private MiniQuireCluster cluster;
  private FileSystem fs;
  private ClientCallCounts calls;

  @BeforeAll
  void start() throws Exception {
    Configuration conf = new Configuration();
    conf.setInt(NameNodeConfigKeys.LIST_LIMIT_KEY, LIST_LIMIT);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(1).build();
    fs = cluster.getFileSystem();
    calls = cluster.getNameNode().getRpcServer().getClientCallCounts();
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @BeforeEach
  void resetCounts() {
    calls.reset();
  }

  /** Calls counted since the last reset; lease renewals run on their own timer, so not them. */
  private Map<String, Long> callsMade() {
    Map<String, Long> m = new TreeMap<>(calls.snapshot());
    m.remove("renewLease");
    return m;
  }

  private long syncs() {
    return ((FileJournalWriter) cluster.getNameNode().getNamesystem().getWriter())
        .getSyncCount();
  }

  @Test
  void getFileStatusIsOneGetFileInfoAndNoSync() throws Exception {
    Path p = new Path("/cost/status");
    fs.create(p).close();
    calls.reset();
    long before = syncs();
    fs.getFileStatus(p);
    assertEquals(Map.of("getFileInfo", 1L), callsMade());
    assertEquals(before, syncs(), "journal syncs of a getFileStatus");
  }

  @Test
  void createAndCloseOfAnEmptyFileIsCreateAndComplete() throws Exception {
    long before = syncs();
    fs.create(new Path("/cost/created"), false).close();
    assertEquals(Map.of("create", 1L, "complete", 1L), callsMade());
    assertEquals(2, syncs() - before, "journal syncs of create + close");
  }

  @Test
  void openIsOneGetBlockLocations() throws Exception {
    Path p = new Path("/cost/opened");
    try (var out = fs.create(p)) {
      out.write(new byte[] {1, 2, 3});
    }
    calls.reset();
    try (FSDataInputStream in = fs.open(p)) {
      assertEquals(1, in.read());
    }
    assertEquals(Map.of("getBlockLocations", 1L), callsMade());
  }

  @Test
  void listStatusIsOneGetListingPerPageAndNoSync() throws Exception {
    Path dir = new Path("/cost/listed");
    int entries = 2 * LIST_LIMIT + 1;
    for (int i = 0; i < entries; i++) {
      fs.create(new Path(dir, "f" + i)).close();
    }
    calls.reset();
    long before = syncs();
    assertEquals(entries, fs.listStatus(dir).length);
    assertEquals(Map.of("getListing", 3L), callsMade(), "pages of " + LIST_LIMIT);
    assertEquals(before, syncs(), "journal syncs of a listStatus");
    calls.reset();
    assertEquals(1, fs.listStatus(new Path(dir, "f0")).length);
    assertEquals(Map.of("getListing", 1L), callsMade(), "listStatus of a file");
  }

  @Test
  void renameIsOneRenameAndOneSync() throws Exception {
    Path src = new Path("/cost/rename-src");
    fs.create(src).close();
    calls.reset();
    long before = syncs();
    assertTrue(fs.rename(src, new Path("/cost/rename-dst")));
    assertEquals(Map.of("rename", 1L), callsMade());
    assertEquals(1, syncs() - before, "journal syncs of a rename");
  }

  @Test
  void deleteAndMkdirsAreOneCallAndOneSyncEach() throws Exception {
    Path f = new Path("/cost/deleted");
    fs.create(f).close();
    calls.reset();
    long before = syncs();
    assertTrue(fs.delete(f, false));
    assertEquals(Map.of("delete", 1L), callsMade());
    assertEquals(1, syncs() - before, "journal syncs of a delete");
    calls.reset();
    before = syncs();
    assertTrue(fs.mkdirs(new Path("/cost/made")));
    assertEquals(Map.of("mkdirs", 1L), callsMade());
    assertEquals(1, syncs() - before, "journal syncs of a mkdirs");
  }

  @Test
  void concurrentMkdirsShareJournalSyncs() throws Exception {
    int threads = 16;
    int perThread = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      long before = syncs();
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        results.add(pool.submit(() -> {
          go.await();
          boolean ok = true;
          for (int i = 0; i < perThread; i++) {
            ok &= fs.mkdirs(new Path("/cost/group/t" + id + "/d" + i));
          }
          return ok;
        }));
      }
      go.countDown();
      for (Future<Boolean> r : results) {
        assertTrue(r.get(120, TimeUnit.SECONDS));
      }
      int ops = threads * perThread;
      long used = syncs() - before;
      assertEquals((long) ops, calls.get("mkdirs"));
      assertTrue(used < ops, ops + " concurrent mkdirs needed " + used + " journal syncs");
    } finally {
      pool.shutdownNow();
    }
  }
}
