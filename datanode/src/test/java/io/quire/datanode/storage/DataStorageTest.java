package io.quire.datanode.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DataStorageTest {
  private File base;

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    base = TargetDirs.freshFile(info);
  }

  @Test
  void freshDirsAreStampedWithClusterAndUuidAndReopenWithSameUuid() throws IOException {
    List<File> dirs = List.of(new File(base, "a"), new File(base, "b"));
    DataStorage s = DataStorage.open(dirs);
    assertNull(s.getClusterId());
    s.checkOrStampClusterId("cluster-1");
    s.close();
    for (File d : dirs) {
      StorageVersionFile v = StorageVersionFile.read(new File(d, "current/VERSION"));
      assertEquals("cluster-1", v.getClusterId());
      assertEquals(s.getDataNodeUuid(), v.getDataNodeUuid());
      assertEquals(StorageVersionFile.LAYOUT_VERSION, v.getLayoutVersion());
      assertFalse(new File(d, "current/VERSION.tmp").exists());
      assertTrue(new File(d, "current/finalized").isDirectory());
      assertTrue(new File(d, "current/rbw").isDirectory());
    }
    DataStorage again = DataStorage.open(dirs);
    assertEquals(s.getDataNodeUuid(), again.getDataNodeUuid());
    assertEquals("cluster-1", again.getClusterId());
    again.checkOrStampClusterId("cluster-1");
  }

  @Test
  void foreignClusterIsRefusedNamingTheDirectory() throws IOException {
    File a = new File(base, "a");
    try (DataStorage s0 = DataStorage.open(List.of(a))) {
      s0.checkOrStampClusterId("cluster-1");
    }
    DataStorage s = DataStorage.open(List.of(a));
    IncompatibleStorageException e = assertThrows(IncompatibleStorageException.class,
        () -> s.checkOrStampClusterId("cluster-2"));
    assertTrue(e.getMessage().contains(a.getPath()), e.getMessage());
    assertTrue(e.getMessage().contains("cluster-1"), e.getMessage());
  }

  @Test
  void directoryOfAnotherDataNodeIsRefused() throws IOException {
    File a = new File(base, "a");
    File b = new File(base, "b");
    try (DataStorage s0 = DataStorage.open(List.of(a))) {
      s0.checkOrStampClusterId("c");
    }
    try (DataStorage s0 = DataStorage.open(List.of(b))) {
      s0.checkOrStampClusterId("c");
    }
    IncompatibleStorageException e = assertThrows(IncompatibleStorageException.class,
        () -> DataStorage.open(List.of(a, b)));
    assertTrue(e.getMessage().contains(b.getPath()), e.getMessage());
  }

  @Test
  void crashBeforeRenameLeavesOldVersionInForce() throws IOException {
    File a = new File(base, "a");
    DataStorage s = DataStorage.open(List.of(a));
    s.checkOrStampClusterId("cluster-1");
    s.close();
    // a crash between writing VERSION.tmp and the rename leaves a stray temp file
    try (FileWriter w = new FileWriter(new File(a, "current/VERSION.tmp"))) {
      w.write("clusterId=other\n");
    }
    DataStorage again = DataStorage.open(List.of(a));
    assertEquals("cluster-1", again.getClusterId());
    assertEquals(s.getDataNodeUuid(), again.getDataNodeUuid());
  }
}
