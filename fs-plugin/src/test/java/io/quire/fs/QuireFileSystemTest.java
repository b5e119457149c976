package io.quire.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.FakeCluster;
import io.quire.testing.TestData;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.CompositeCrcFileChecksum;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.InvalidPathHandleException;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathHandle;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.util.CrcUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FileSystem adapter against the in-memory NameNode and in-test DataNodes. */
class QuireFileSystemTest {
  private static final int PORT = 8720;
  private FakeCluster cluster;
  private QuireFileSystem fs;

  @BeforeEach
  void setUp() throws IOException {
    cluster = new FakeCluster(3);
    FakeProxyFactory.BY_PORT.put(PORT, cluster.namenode);
    Configuration conf = new Configuration();
    conf.set("fs.permissions.umask-mode", "022");
    fs = new QuireFileSystem(new FakeProxyFactory());
    fs.initialize(URI.create("quire://localhost:" + PORT + "/"), conf);
  }

  @AfterEach
  void tearDown() throws IOException {
    fs.close();
    cluster.close();
    FakeProxyFactory.reset();
  }

  private void write(Path p, byte[] data) throws IOException {
    try (FSDataOutputStream out = fs.create(p, true)) {
      out.write(data);
    }
  }

  @Test
  void isFoundByServiceLoaderForTheQuireScheme() throws IOException {
    assertEquals(QuireFileSystem.class,
        FileSystem.getFileSystemClass("quire", new Configuration()));
    assertEquals("quire", fs.getScheme());
  }

  @Test
  void pathsAreQualifiedAgainstTheHomeDirectory() throws IOException {
    String user = UserGroupInformation.getCurrentUser().getShortUserName();
    assertEquals(new Path("quire://localhost:" + PORT + "/user/" + user),
        fs.getWorkingDirectory());
    assertEquals("/user/" + user + "/a/b", fs.pathOf(new Path("a/b")));
    assertEquals("/x", fs.pathOf(new Path("quire://localhost:" + PORT + "/x")));
    assertEquals("/", fs.pathOf(new Path("/")));
    assertThrows(IllegalArgumentException.class,
        () -> fs.pathOf(new Path("quire://otherhost:1/x")));
    fs.setWorkingDirectory(new Path("/work"));
    assertEquals("/work/y", fs.pathOf(new Path("y")));
  }

  @Test
  void logicalNameUrisQualifyWithoutAPort() throws IOException {
    Configuration conf = new Configuration();
    conf.set("quire.namenode.ids.prod", "nn1,nn2");
    conf.set("quire.namenode.rpc-address.prod.nn1", "localhost:" + PORT);
    conf.set("quire.namenode.rpc-address.prod.nn2", "localhost:" + PORT);
    try (QuireFileSystem ha = new QuireFileSystem(new FakeProxyFactory())) {
      ha.initialize(URI.create("quire://prod/"), conf);
      assertEquals(URI.create("quire://prod"), ha.getUri());
      assertEquals("/x", ha.pathOf(new Path("quire://prod/x")));
      write(new Path("/via-ha"), new byte[1]);
      assertEquals(new Path("quire://prod/via-ha"),
          ha.getFileStatus(new Path("/via-ha")).getPath());
    }
  }

  @Test
  void createAppliesTheUmaskAndStatusCarriesEtag() throws IOException {
    Path p = new Path("/d/f");
    write(p, new byte[] {1, 2, 3});
    assertEquals(0644, cluster.namenode.node("/d/f").perm);
    FileStatus st = fs.getFileStatus(p);
    assertEquals(3, st.getLen());
    assertEquals(new Path("quire://localhost:" + PORT + "/d/f"), st.getPath());
    assertTrue(st instanceof EtagSource);
    assertFalse(((EtagSource) st).getEtag().isEmpty());
    try (FSDataInputStream in = fs.open(p)) {
      byte[] b = new byte[3];
      in.readFully(b);
      assertArrayEquals(new byte[] {1, 2, 3}, b);
    }
  }

  @Test
  void locatedListingKeepsEtagsAndLocations() throws IOException {
    write(new Path("/ll/a"), new byte[10]);
    fs.mkdirs(new Path("/ll/sub"));
    RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it =
        fs.listLocatedStatus(new Path("/ll"));
    org.apache.hadoop.fs.LocatedFileStatus a = it.next();
    assertTrue(a instanceof EtagSource);
    assertEquals(((EtagSource) fs.getFileStatus(new Path("/ll/a"))).getEtag(),
        ((EtagSource) a).getEtag());
    assertEquals(1, a.getBlockLocations().length);
    assertTrue(it.next().isDirectory());
    assertFalse(it.hasNext());
  }

  @Test
  void missingPathGivesFileNotFoundNamingIt() {
    FileNotFoundException e = assertThrows(FileNotFoundException.class,
        () -> fs.getFileStatus(new Path("/nope")));
    assertTrue(e.getMessage().startsWith("getFileStatus: "), e.getMessage());
    assertTrue(e.getMessage().contains("/nope"), e.getMessage());
    assertThrows(FileNotFoundException.class, () -> fs.listStatus(new Path("/nope")));
  }

  @Test
  void listingIsPagedAndStreamed() throws IOException {
    cluster.namenode.pageSize = 2;
    for (int i = 0; i < 5; i++) {
      write(new Path("/dir/f" + i), new byte[i]);
    }
    FileStatus[] all = fs.listStatus(new Path("/dir"));
    assertEquals(5, all.length);
    assertEquals("f4", all[4].getPath().getName());
    RemoteIterator<FileStatus> it = fs.listStatusIterator(new Path("/dir"));
    List<String> names = new ArrayList<>();
    while (it.hasNext()) {
      names.add(it.next().getPath().getName());
    }
    assertEquals(List.of("f0", "f1", "f2", "f3", "f4"), names);
    assertEquals(3 + 3, cluster.namenode.calls("getListing"), "three pages per listing");
  }

  @Test
  void renameReturnsFalseWhereHdfsDoes() throws IOException {
    write(new Path("/r/a"), new byte[1]);
    write(new Path("/r/b"), new byte[1]);
    fs.mkdirs(new Path("/r/dir"));
    assertTrue(fs.rename(new Path("/r/a"), new Path("/r/a")), "file onto itself");
    assertFalse(fs.rename(new Path("/r/dir"), new Path("/r/dir")), "directory onto itself");
    assertFalse(fs.rename(new Path("/r/missing"), new Path("/r/z")), "missing source");
    assertFalse(fs.rename(new Path("/r/a"), new Path("/r/b")), "destination file exists");
    assertFalse(fs.rename(new Path("/r/a"), new Path("/r/nodir/x")), "destination parent missing");
    assertFalse(fs.rename(new Path("/r/a"), new Path("/r/b/x")), "destination parent is a file");
    assertFalse(fs.rename(new Path("/r/dir"), new Path("/r/dir/sub")), "into its own subtree");
    assertFalse(fs.rename(new Path("/"), new Path("/r/root")), "root");
    assertTrue(fs.rename(new Path("/r/a"), new Path("/r/dir")), "into a directory");
    assertTrue(fs.exists(new Path("/r/dir/a")));
    assertTrue(fs.rename(new Path("/r/b"), new Path("/r/c")));
  }

  @Test
  @SuppressWarnings("deprecation")
  void renameWithOptionsThrows() throws IOException {
    write(new Path("/o/a"), new byte[1]);
    write(new Path("/o/b"), new byte[1]);
    assertThrows(FileAlreadyExistsException.class,
        () -> fs.rename(new Path("/o/a"), new Path("/o/b"), Options.Rename.NONE));
    assertThrows(FileNotFoundException.class,
        () -> fs.rename(new Path("/o/zz"), new Path("/o/c"), Options.Rename.NONE));
    fs.rename(new Path("/o/a"), new Path("/o/b"), Options.Rename.OVERWRITE);
    assertFalse(fs.exists(new Path("/o/a")));
  }

  @Test
  void rootIsNeverDeleted() throws IOException {
    assertFalse(fs.delete(new Path("/"), true));
    write(new Path("/k"), new byte[1]);
    assertThrows(org.apache.hadoop.fs.PathIsNotEmptyDirectoryException.class,
        () -> fs.delete(new Path("/"), false));
    assertFalse(fs.delete(new Path("/"), true));
    assertTrue(fs.exists(new Path("/k")));
    assertTrue(fs.delete(new Path("/k"), false));
    assertFalse(fs.delete(new Path("/k"), false));
  }

  @Test
  void blockLocationsNameTheDataNodes() throws IOException {
    Path p = new Path("/bl");
    try (FSDataOutputStream out = fs.create(p, true, 4096, (short) 3, 64 * 1024)) {
      out.write(TestData.random(100_000, 3));
    }
    BlockLocation[] locs = fs.getFileBlockLocations(fs.getFileStatus(p), 0, 100_000);
    assertEquals(2, locs.length);
    assertEquals(65536, locs[1].getOffset());
    assertEquals(3, locs[0].getHosts().length);
    assertEquals("127.0.0.1", locs[0].getHosts()[0]);
    assertEquals(cluster.dn(0).info().getDataAddress(), locs[0].getNames()[0]);
    assertEquals("/default-rack/" + cluster.dn(0).info().getDataAddress(),
        locs[0].getTopologyPaths()[0]);
    assertEquals(0, fs.getFileBlockLocations(fs.getFileStatus(p), 200_000, 10).length);
  }

  @Test
  void fileChecksumIsCompositeCrc32c() throws IOException {
    byte[] data = TestData.random(150_000, 4);
    try (FSDataOutputStream out = fs.create(new Path("/c"), true, 4096, (short) 3, 64 * 1024)) {
      out.write(data);
    }
    CompositeCrcFileChecksum sum = (CompositeCrcFileChecksum) fs.getFileChecksum(new Path("/c"));
    CRC32C crc = new CRC32C();
    crc.update(data);
    assertArrayEquals(CrcUtil.intToBytes((int) crc.getValue()), sum.getBytes());
    assertEquals("COMPOSITE-CRC32C", sum.getAlgorithmName());
  }

  @Test
  void pathHandlesDetectReplacementAndContentChange() throws IOException {
    Path p = new Path("/ph");
    write(p, new byte[] {1});
    PathHandle exact = fs.getPathHandle(fs.getFileStatus(p), Options.HandleOpt.exact());
    PathHandle byPath = fs.getPathHandle(fs.getFileStatus(p), Options.HandleOpt.path());
    fs.open(exact).close();
    // moved(true) handles open by id through the NameNode's /.reserved/.inodes/<id> path
    // (the fake NameNode has no inode paths; QuireContractPathHandleTest opens them for real).
    QuirePathHandle reference = QuirePathHandle.parse(
        fs.getPathHandle(fs.getFileStatus(p), Options.HandleOpt.reference()));
    assertTrue(reference.followsMoves());
    assertEquals(reference, QuirePathHandle.parse(
        new org.apache.hadoop.fs.RawPathHandle(reference.bytes())));
    try (FSDataOutputStream out = fs.append(p)) {
      out.write(2);
    }
    assertThrows(InvalidPathHandleException.class, () -> fs.open(exact));
    fs.open(byPath).close();
    write(p, new byte[] {3});
    assertThrows(InvalidPathHandleException.class, () -> fs.open(byPath));
    PathHandle parsed = QuirePathHandle.parse(new org.apache.hadoop.fs.RawPathHandle(
        fs.getPathHandle(fs.getFileStatus(p), Options.HandleOpt.exact()).bytes()));
    fs.open(parsed).close();
  }

  @Test
  void capabilitiesAreTruthful() throws IOException {
    Path root = new Path("/");
    assertTrue(fs.hasPathCapability(root, CommonPathCapabilities.FS_APPEND));
    assertTrue(fs.hasPathCapability(root, CommonPathCapabilities.FS_CONCAT));
    assertTrue(fs.hasPathCapability(root, CommonPathCapabilities.ETAGS_AVAILABLE));
    assertTrue(fs.hasPathCapability(root, CommonPathCapabilities.ETAGS_PRESERVED_IN_RENAME));
    assertTrue(fs.hasPathCapability(root, CommonPathCapabilities.LEASE_RECOVERABLE));
    assertFalse(fs.hasPathCapability(root, CommonPathCapabilities.FS_SYMLINKS));
    assertTrue(fs.hasPathCapability(root, CommonPathCapabilities.FS_ACLS));
    assertTrue(fs.hasPathCapability(root, CommonPathCapabilities.FS_XATTRS));
    assertTrue(fs.hasPathCapability(root, CommonPathCapabilities.FS_SNAPSHOTS));
    assertTrue(fs.hasPathCapability(root, CommonPathCapabilities.FS_MULTIPART_UPLOADER));
    try (FSDataOutputStream out = fs.create(new Path("/cap"))) {
      assertTrue(out.hasCapability("hflush"));
      assertTrue(out.hasCapability("hsync"));
    }
  }

  @Test
  void leaseRecoveryChecksThePathFirst() throws IOException {
    write(new Path("/lr"), new byte[1]);
    assertTrue(fs.recoverLease(new Path("/lr")));
    assertTrue(fs.isFileClosed(new Path("/lr")));
    FileNotFoundException e = assertThrows(FileNotFoundException.class,
        () -> fs.recoverLease(new Path("/none")));
    assertTrue(e.getMessage().contains("File does not exist"));
    fs.mkdirs(new Path("/lrdir"), FsPermission.getDirDefault());
    e = assertThrows(FileNotFoundException.class, () -> fs.isFileClosed(new Path("/lrdir")));
    assertTrue(e.getMessage().contains("Path is not a file"));
  }

  @Test
  void statusAndSafeModeGoToTheNameNode() throws IOException {
    assertEquals(1000, fs.getStatus().getCapacity());
    assertTrue(fs.setSafeMode(org.apache.hadoop.fs.SafeModeAction.ENTER));
    assertFalse(fs.setSafeMode(org.apache.hadoop.fs.SafeModeAction.GET));
    assertEquals(64 * 1024, fs.getServerDefaults(new Path("/")).getWritePacketSize());
  }

  @Test
  void closeStopsTheNameNodeProxies() throws IOException {
    fs.close();
    assertEquals(1, FakeProxyFactory.STOPPED.size());
    assertThrows(IOException.class, () -> fs.create(new Path("/late")));
  }

  /**
   * Listed and stat'ed paths are the Paths Hadoop builds from scheme, authority and path (they
   * are resolved against the file system's URI instead), odd characters included.
   */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void listedPathsEqualThePathsHadoopBuilds() throws IOException {
    String[] names = {"a b", "c%d", "e:f", "\u00fc", "x+y", "q?r", "h#i"};
    for (String n : names) {
      fs.create(new Path(new Path("/odd"), new Path(null, null, "./" + n))).close();
    }
    org.apache.hadoop.fs.FileStatus[] listed = fs.listStatus(new Path("/odd"));
    assertEquals(names.length, listed.length);
    for (org.apache.hadoop.fs.FileStatus st : listed) {
      String p = st.getPath().toUri().getPath();
      Path hadoops = new Path("quire", "localhost:" + PORT, p);
      assertEquals(hadoops, st.getPath());
      assertEquals(hadoops.toString(), st.getPath().toString());
      assertEquals(hadoops, fs.getFileStatus(st.getPath()).getPath());
    }
  }
}
