package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.rpc.ClientCallCounts;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * listLocatedStatus and listFiles get the block locations with the listing's pages (as HDFS's
 * getListing with needLocation): one getListing per page and no getBlockLocations per file;
 * the locations equal getFileBlockLocations'; a page with locations ends once its blocks reach
 * the listing limit (here 3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class LocatedListingTest {
  private static final int LIST_LIMIT = 3;
  private static final long BLOCK = 1024;
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

  private void write(Path p, int bytes) throws IOException {
    try (FSDataOutputStream out = fs.create(p, true, 4096, (short) 1, BLOCK)) {
      out.write(new byte[bytes]);
    }
  }

  private Map<String, Long> callsMade() {
    Map<String, Long> m = new TreeMap<>(calls.snapshot());
    m.remove("renewLease");
    return m;
  }

  @Test
  void listFilesGetsLocationsWithTheListing() throws Exception {
    write(new Path("/tree/a/x0"), 10);
    write(new Path("/tree/a/x1"), 1500); // two blocks
    write(new Path("/tree/b/y0"), 10);
    fs.create(new Path("/tree/empty")).close();
    Map<Path, BlockLocation[]> expected = new TreeMap<>();
    for (String f : new String[] {"/tree/a/x0", "/tree/a/x1", "/tree/b/y0", "/tree/empty"}) {
      Path p = fs.makeQualified(new Path(f));
      expected.put(p, fs.getFileBlockLocations(fs.getFileStatus(p), 0, Long.MAX_VALUE));
    }
    calls.reset();
    Map<Path, BlockLocation[]> listed = new TreeMap<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path("/tree"), true);
    while (it.hasNext()) {
      LocatedFileStatus s = it.next();
      listed.put(s.getPath(), s.getBlockLocations());
    }
    // /tree, /tree/a, /tree/b: one page each
    assertEquals(Map.of("getListing", 3L), callsMade());
    assertEquals(expected.keySet(), listed.keySet());
    for (Path p : expected.keySet()) {
      assertEquals(describe(expected.get(p)), describe(listed.get(p)), p.toString());
    }
    assertEquals(0, listed.get(fs.makeQualified(new Path("/tree/empty"))).length);
    assertEquals(2, listed.get(fs.makeQualified(new Path("/tree/a/x1"))).length);
  }

  @Test
  void aPageWithLocationsEndsAtTheBlockBudget() throws Exception {
    for (int i = 0; i < 5; i++) {
      write(new Path("/budget/f" + i), 1500); // two blocks each
    }
    calls.reset();
    assertEquals(5, fs.listStatus(new Path("/budget")).length);
    assertEquals(Map.of("getListing", 2L), callsMade(), "3 + 2 entries without locations");
    calls.reset();
    int n = 0;
    RemoteIterator<LocatedFileStatus> it = fs.listLocatedStatus(new Path("/budget"));
    while (it.hasNext()) {
      assertEquals(2, it.next().getBlockLocations().length);
      n++;
    }
    assertEquals(5, n);
    // 2 files (4 blocks) reach the budget of 3 blocks: pages of 2, 2, 1
    assertEquals(Map.of("getListing", 3L), callsMade(), "pages with locations");
  }

  private static String describe(BlockLocation[] locs) throws IOException {
    StringBuilder b = new StringBuilder();
    for (BlockLocation l : locs) {
      b.append(l.getOffset()).append('+').append(l.getLength())
          .append(String.join(",", l.getHosts())).append(String.join(",", l.getNames()))
          .append(String.join(",", l.getTopologyPaths())).append(';');
    }
    return b.toString();
  }

  @Test
  void listingAFileWithLocations() throws Exception {
    write(new Path("/single/f"), 1500);
    calls.reset();
    RemoteIterator<LocatedFileStatus> it = fs.listLocatedStatus(new Path("/single/f"));
    LocatedFileStatus s = it.next();
    assertEquals(2, s.getBlockLocations().length);
    assertEquals(Map.of("getListing", 1L), callsMade());
  }
}
