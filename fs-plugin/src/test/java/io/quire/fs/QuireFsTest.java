package io.quire.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.FakeCluster;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FileContext over quire:// through {@link QuireFs}. */
class QuireFsTest {
  private static final int PORT = 8721;
  private FakeCluster cluster;
  private FileContext fc;

  @BeforeEach
  void setUp() throws Exception {
    cluster = new FakeCluster(3);
    FakeProxyFactory.BY_PORT.put(PORT, cluster.namenode);
    Configuration conf = new Configuration();
    conf.set("fs.AbstractFileSystem.quire.impl", QuireFs.class.getName());
    fc = FileContext.getFileContext(new QuireFs(URI.create("quire://localhost:" + PORT + "/"),
        conf, new FakeProxyFactory()), conf);
  }

  @AfterEach
  void tearDown() throws IOException {
    cluster.close();
    FakeProxyFactory.reset();
  }

  @Test
  void createReadAndRenameWithOptions() throws IOException {
    Path a = new Path("/fc/a");
    Path b = new Path("/fc/b");
    try (FSDataOutputStream out = fc.create(a, EnumSet.of(CreateFlag.CREATE),
        Options.CreateOpts.createParent())) {
      out.write(new byte[] {4, 5, 6});
    }
    try (FSDataOutputStream out = fc.create(b, EnumSet.of(CreateFlag.CREATE))) {
      out.write(7);
    }
    try (FSDataInputStream in = fc.open(a)) {
      byte[] got = new byte[3];
      in.readFully(got);
      assertArrayEquals(new byte[] {4, 5, 6}, got);
    }
    assertEquals(3, fc.getFileStatus(a).getLen());
    assertThrows(FileAlreadyExistsException.class, () -> fc.rename(a, b));
    fc.rename(a, b, Options.Rename.OVERWRITE);
    assertFalse(fc.util().exists(a));
    assertEquals(3, fc.getFileStatus(b).getLen());
    assertTrue(fc.getFileStatus(new Path("/fc")).isDirectory());
    assertEquals(8720, fc.getDefaultFileSystem().getUriDefaultPort());
  }
}
