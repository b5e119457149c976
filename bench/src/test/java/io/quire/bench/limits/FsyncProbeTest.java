package io.quire.bench.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The short fdatasync probe the core bench settles on: it syncs and leaves nothing behind. */
@Timeout(30)
class FsyncProbeTest {
  @Test
  void probeCountsSyncsAndDeletesItsFile() throws Exception {
    File dir = new File("target/test-data/fsync-probe");
    double rate = FsyncLimit.syncRate(dir, 50);
    assertTrue(rate > 0, "syncs/s " + rate);
    assertArrayEquals(new String[0], dir.list(), "left in " + dir);
  }
}
