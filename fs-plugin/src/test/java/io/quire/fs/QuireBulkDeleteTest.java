package io.quire.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.FakeCluster;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.BulkDelete;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link QuireBulkDelete} through {@link QuireFileSystem#createBulkDelete}. */
class QuireBulkDeleteTest {
  private static final int PORT = 8722;
  private final Path base = new Path("/bulk");
  private FakeCluster cluster;
  private QuireFileSystem fs;

  @BeforeEach
  void setUp() throws IOException {
    cluster = new FakeCluster(1);
    FakeProxyFactory.BY_PORT.put(PORT, cluster.namenode);
    Configuration conf = new Configuration();
    fs = new QuireFileSystem(new FakeProxyFactory());
    fs.initialize(URI.create("quire://localhost:" + PORT + "/"), conf);
    fs.mkdirs(base);
  }

  @AfterEach
  void tearDown() throws IOException {
    fs.close();
    cluster.close();
    FakeProxyFactory.reset();
  }

  private void touch(Path p) throws IOException {
    fs.create(p, true).close();
  }

  @Test
  void deletesAPageOfFilesWithMissingAndRepeatedPathsNotErrors() throws IOException {
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Path p = new Path(base, "f" + i);
      touch(p);
      paths.add(p);
    }
    paths.add(paths.get(0));
    paths.add(new Path(base, "never-existed"));
    try (BulkDelete bd = fs.createBulkDelete(base)) {
      assertEquals(QuireBulkDelete.PAGE_SIZE, bd.pageSize());
      assertEquals(base, bd.basePath());
      assertTrue(bd.bulkDelete(paths).isEmpty());
    }
    assertEquals(0, fs.listStatus(base).length);
    assertTrue(fs.hasPathCapability(base, CommonPathCapabilities.BULK_DELETE));
  }

  @Test
  void nonEmptyDirectoryIsAnEntryUnlessItsChildrenAreInThePage() throws IOException {
    Path dir = new Path(base, "dir");
    Path child = new Path(dir, "child");
    Path other = new Path(base, "other");
    touch(child);
    touch(other);
    BulkDelete bd = fs.createBulkDelete(base);
    List<Map.Entry<Path, String>> failed = bd.bulkDelete(List.of(dir, other));
    assertEquals(1, failed.size());
    assertEquals(dir, failed.get(0).getKey());
    assertTrue(failed.get(0).getValue().contains(
        PathIsNotEmptyDirectoryException.class.getSimpleName()), failed.get(0).getValue());
    assertTrue(fs.exists(child));
    assertFalse(fs.exists(other));

    // the parent listed before its child: the child goes first, then the emptied parent
    assertTrue(bd.bulkDelete(List.of(dir, child)).isEmpty());
    assertFalse(fs.exists(dir));
  }

  @Test
  void rejectsAPageTooLargeOrPathsOutsideTheBaseBeforeDeletingAnything() throws IOException {
    Path inside = new Path(base, "keep");
    touch(inside);
    BulkDelete bd = fs.createBulkDelete(base);
    assertThrows(IllegalArgumentException.class,
        () -> bd.bulkDelete(List.of(inside, new Path("/elsewhere/x"))));
    assertThrows(IllegalArgumentException.class,
        () -> bd.bulkDelete(List.of(inside, new Path("relative"))));
    List<Path> tooMany = new ArrayList<>();
    for (int i = 0; i <= QuireBulkDelete.PAGE_SIZE; i++) {
      tooMany.add(new Path(base, "p" + i));
    }
    tooMany.set(0, inside);
    assertThrows(IllegalArgumentException.class, () -> bd.bulkDelete(tooMany));
    assertTrue(fs.exists(inside));
  }
}
