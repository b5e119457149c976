package io.quire.datanode.storage;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.protocol.exceptions.StorageInUseException;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Two DataNodes given the same directories: the second refuses to start with a message naming
 * the directory, before it touches anything there (it used to empty the first one's tmp/ and
 * only then fail), and the directory is free again once the first stops.
 */
@Timeout(60)
class StorageLockTest {
  private DataNodeHarness h;

  @AfterEach
  void tearDown() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void aSecondDataNodeOnTheSameDirectoriesRefusesAndTouchesNothing() throws Exception {
    h = new DataNodeHarness("StorageLockTest");
    DataNode first = h.start(0);
    File copy = new File(h.dirOf(0), "d1/current/tmp/blk_1073741825");
    Files.write(copy.toPath(), new byte[] {1, 2, 3}); // the first DataNode's copy in progress

    Exception e = assertThrows(Exception.class, () -> h.start(0));
    Throwable cause = e;
    while (cause != null && !(cause instanceof StorageInUseException)) {
      cause = cause.getCause();
    }
    assertTrue(cause != null, "refused as storage in use: " + e);
    assertTrue(cause.getMessage().contains(new File(h.dirOf(0), "d1").getPath()),
        cause.getMessage());
    assertTrue(copy.exists(), "the first DataNode's tmp/ files are untouched");

    first.stop();
    h.start(0); // the lock died with the first DataNode's storage
  }

  @Test
  void aStorageOpenedTwiceInOneProcessIsRefusedUntilClosed(TestInfo info) throws Exception {
    File base = TargetDirs.freshFile(info);
    java.util.List<File> dirs = java.util.List.of(new File(base, "a"), new File(base, "b"));
    try (DataStorage s = DataStorage.open(dirs)) {
      assertThrows(StorageInUseException.class, () -> DataStorage.open(dirs));
      assertThrows(StorageInUseException.class,
          () -> DataStorage.open(java.util.List.of(new File(base, "c"), new File(base, "b"))));
    }
    DataStorage.open(dirs).close();
    DataStorage.open(java.util.List.of(new File(base, "c"))).close(); // c's lock was released
  }
}
