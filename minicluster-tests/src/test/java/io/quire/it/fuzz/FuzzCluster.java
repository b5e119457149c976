package io.quire.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quire.minicluster.MiniQuireCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Random;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;

/** What both fuzz tests do with their cluster besides fuzzing. */
final class FuzzCluster {
  private FuzzCluster() {}

  /** Writes {@code n} seeded bytes to {@code path} and returns them. */
  static byte[] writeFile(FileSystem fs, String path, int n, long seed) throws IOException {
    byte[] data = new byte[n];
    new Random(seed).nextBytes(data);
    try (FSDataOutputStream out = fs.create(new Path(path), true)) {
      out.write(data);
    }
    return data;
  }

  static void assertContent(FileSystem fs, String path, byte[] expected) throws IOException {
    byte[] actual = new byte[expected.length];
    try (FSDataInputStream in = fs.open(new Path(path))) {
      IOUtils.readFully(in, actual, 0, actual.length);
      if (in.read() != -1) {
        throw new AssertionError(path + " is longer than " + expected.length + " bytes");
      }
    }
    assertArrayEquals(expected, actual, "content of " + path);
  }

  /** A normal client write and read through the FileSystem API. */
  static void assertClientWriteAndRead(MiniQuireCluster cluster, String path) throws IOException {
    FileSystem fs = cluster.getFileSystem();
    byte[] data = writeFile(fs, path, 1_000_000, path.hashCode());
    assertContent(fs, path, data);
  }

  /** A local port nothing listens on (bound, then released). */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
