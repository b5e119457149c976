package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;

/** Whole-file comparison (the data: io.quire.testing.TestData). */
final class FileContents {
  private FileContents() {}

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
