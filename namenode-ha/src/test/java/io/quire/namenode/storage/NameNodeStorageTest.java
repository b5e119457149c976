package io.quire.namenode.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.JournalWriter;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.protocol.exceptions.StorageInUseException;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class NameNodeStorageTest {

  @Test
  void formatThenOpen(TestInfo info) throws Exception {
    File dir = TargetDirs.fresh(info).resolve("name").toFile();
    String clusterId = NameNodeStorage.format(dir, false);
    assertTrue(clusterId.startsWith("CID-"));
    try (NameNodeStorage s = NameNodeStorage.open(dir)) {
      assertEquals(clusterId, s.getClusterId());
      assertEquals(NameNodeStorage.LAYOUT_VERSION, s.getLayoutVersion());
      assertEquals(dir, s.getDirectory());
      assertEquals(0, s.getJournal().getLastTxId());
      assertTrue(s.getCheckpointStore().loadLatest().isEmpty());
    }
  }

  @Test
  void formatRefusesExistingDataUnlessForced(TestInfo info) throws Exception {
    File dir = TargetDirs.fresh(info).resolve("name").toFile();
    String first = NameNodeStorage.format(dir, false);
    try (NameNodeStorage s = NameNodeStorage.open(dir)) {
      JournalWriter w = s.getJournal().openForWrite(1);
      w.appendAndSync(List.of(new byte[] {1}));
    }
    StorageAlreadyFormattedException e = assertThrows(StorageAlreadyFormattedException.class,
        () -> NameNodeStorage.format(dir, false));
    assertTrue(e.getMessage().contains("-force"), e.getMessage());

    String second = NameNodeStorage.format(dir, true);
    assertNotEquals(first, second);
    try (NameNodeStorage s = NameNodeStorage.open(dir)) {
      assertEquals(second, s.getClusterId());
      assertEquals(0, s.getJournal().getLastTxId(), "force wiped the old journal");
      assertEquals(0, s.getJournal().getPromisedEpoch());
    }
  }

  @Test
  void openUnformattedSaysRunFormat(TestInfo info) throws Exception {
    File dir = TargetDirs.fresh(info).resolve("name").toFile();
    UnformattedStorageException missing = assertThrows(UnformattedStorageException.class,
        () -> NameNodeStorage.open(dir));
    assertTrue(missing.getMessage().contains("quire namenode -format"), missing.getMessage());
    Files.createDirectories(dir.toPath().resolve("current"));
    assertThrows(UnformattedStorageException.class, () -> NameNodeStorage.open(dir));
  }

  @Test
  void openRejectsForeignOrUnknownLayout(TestInfo info) throws Exception {
    File dir = TargetDirs.fresh(info).resolve("name").toFile();
    NameNodeStorage.format(dir, false);
    Path version = dir.toPath().resolve("current").resolve("VERSION");
    String good = Files.readString(version);

    Files.writeString(version, good.replace("layoutVersion=1", "layoutVersion=99"));
    IncompatibleStorageException layout = assertThrows(IncompatibleStorageException.class,
        () -> NameNodeStorage.open(dir));
    assertTrue(layout.getMessage().contains("99"), layout.getMessage());

    Files.writeString(version, "storageType=DATA_NODE\nclusterId=CID-x\n", StandardCharsets.UTF_8);
    assertThrows(IncompatibleStorageException.class, () -> NameNodeStorage.open(dir));

    Files.writeString(version, good);
    NameNodeStorage.open(dir).close();
  }

  @Test
  void secondOpenerIsRefusedUntilClose(TestInfo info) throws Exception {
    File dir = TargetDirs.fresh(info).resolve("name").toFile();
    NameNodeStorage.format(dir, false);
    try (NameNodeStorage first = NameNodeStorage.open(dir)) {
      StorageInUseException e = assertThrows(StorageInUseException.class,
          () -> NameNodeStorage.open(dir));
      assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
      assertThrows(StorageInUseException.class, () -> NameNodeStorage.format(dir, true));
    }
    NameNodeStorage.open(dir).close();
  }

  @Test
  void journalAndImagesLiveInCurrent(TestInfo info) throws Exception {
    File dir = TargetDirs.fresh(info).resolve("name").toFile();
    NameNodeStorage.format(dir, false);
    try (NameNodeStorage s = NameNodeStorage.open(dir)) {
      s.getCheckpointStore().saveAndSync(0, out -> out.writeUTF("empty namespace"));
      s.getJournal().openForWrite(1).appendAndSync(List.of(new byte[] {7}));
    }
    Path current = dir.toPath().resolve("current");
    assertTrue(Files.exists(current.resolve("epoch")));
    assertTrue(Files.exists(current.resolve(String.format("fsimage_%019d", 0))));
    assertTrue(Files.exists(current.resolve(String.format("edits_%019d-%019d", 1, 1))));
    try (NameNodeStorage s = NameNodeStorage.open(dir)) {
      assertEquals(1, s.getJournal().getLastTxId());
      assertEquals(0, s.getCheckpointStore().loadLatest().orElseThrow().txId());
    }
  }
}
