package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.util.Random;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;

/** Deterministic test data and whole-file comparison. */
final class FileContents {
  private FileContents() {}

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static void assertFileContent(FileSystem fs, Path p, byte[] expected) throws IOException {
    byte[] actual = new byte[expected.length];
    try (FSDataInputStream in = fs.open(p)) {
      IOUtils.readFully(in, actual, 0, actual.length);
      if (in.read() != -1) {
        throw new AssertionError(p + " is longer than " + expected.length + " bytes");
      }
    }
    assertArrayEquals(expected, actual, "content of " + p);
  }
}
