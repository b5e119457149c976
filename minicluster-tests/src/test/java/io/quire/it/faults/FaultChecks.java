package io.quire.it.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quire.testing.Timing;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;

/**
 * What every DataNode fault scenario checks: the write under the fault ends, completed or
 * failed with an IOException (a hang fails the test), and no acknowledged byte is lost, that is
 * after a completed close the whole file reads back, after a failure at least the bytes the
 * last successful hflush acknowledged do.
 */
final class FaultChecks {
  private FaultChecks() {}

  /** How a write under a fault ended. */
  record Outcome(IOException failure) {
    boolean completed() {
      return failure == null;
    }
  }

  /**
   * Writes {@code data[from..]}, hflushes and closes {@code out}, within 2 minutes (scaled) or
   * the test fails as hung; an IOException is a clean failure and is returned.
   */
  static Outcome finish(FSDataOutputStream out, byte[] data, int from) {
    return assertTimeoutPreemptively(Timing.seconds(120), () -> {
      try {
        out.write(data, from, data.length - from);
        out.hflush();
        out.close();
        return new Outcome(null);
      } catch (IOException e) {
        try {
          out.close();
        } catch (IOException again) {
          e.addSuppressed(again);
        }
        return new Outcome(e);
      }
    }, "the write neither completed nor failed: hung");
  }

  /**
   * No acknowledged byte lost: a completed write reads back whole; a failed one at least up to
   * {@code acknowledged} bytes (what the last successful hflush covered).
   */
  static void assertNothingAcknowledgedLost(FileSystem fs, Path p, byte[] data, Outcome o,
      int acknowledged) throws IOException {
    if (o.completed()) {
      assertEquals(data.length, fs.getFileStatus(p).getLen(), "length of " + p);
      assertPrefix(fs, p, data, data.length);
      try (FSDataInputStream in = fs.open(p)) {
        in.seek(data.length);
        assertEquals(-1, in.read(), p + " is longer than written");
      }
    } else {
      assertPrefix(fs, p, data, acknowledged);
    }
  }

  /** The first {@code n} bytes of {@code p} are those of {@code data}. */
  static void assertPrefix(FileSystem fs, Path p, byte[] data, int n) throws IOException {
    byte[] got = new byte[n];
    try (FSDataInputStream in = fs.open(p)) {
      IOUtils.readFully(in, got, 0, n);
    }
    assertArrayEquals(Arrays.copyOf(data, n), got, "first " + n + " bytes of " + p);
  }
}
