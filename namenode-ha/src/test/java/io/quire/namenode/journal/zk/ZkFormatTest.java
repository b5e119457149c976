package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.ops;
import static io.quire.namenode.journal.JournalTestSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.storage.StorageAlreadyFormattedException;
import io.quire.namenode.storage.UnformattedStorageException;
import io.quire.protocol.exceptions.FencedException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Formatting a nameservice root and the start-up cluster id check. */
@Timeout(120)
class ZkFormatTest extends ZkServerTest {
  @Test
  void formatThenCheckClusterId() throws Exception {
    assertNull(ZkJournal.readClusterId(client, root));
    assertThrows(UnformattedStorageException.class,
        () -> ZkJournal.checkClusterId(client, root, "CID-1"));

    ZkJournal.format(client, root, "CID-1", false);
    assertEquals("CID-1", ZkJournal.readClusterId(client, root));
    ZkJournal.checkClusterId(client, root, "CID-1");
    IncompatibleStorageException e = assertThrows(IncompatibleStorageException.class,
        () -> ZkJournal.checkClusterId(client, root, "CID-2"));
    assertTrue(e.getMessage().contains("CID-1") && e.getMessage().contains("CID-2"),
        e.getMessage());
    try (ZkJournal journal = new ZkJournal(client, root, "nn1", ZkJournalOptions.defaults())) {
      assertEquals(0, journal.getLastTxId());
      assertEquals(0, journal.getPromisedEpoch());
    }
  }

  @Test
  void aRootCreatedByAnotherRecipeIsUnformatted() throws Exception {
    client.create().creatingParentsIfNeeded().forPath(root + "/leader", new byte[0]);
    assertNull(ZkJournal.readClusterId(client, root));
    ZkJournal.format(client, root, "CID-1", false);
    assertEquals("CID-1", ZkJournal.readClusterId(client, root));
    assertTrue(client.checkExists().forPath(root + "/leader") != null, "left alone");
  }

  @Test
  void refusesToFormatOverAClusterIdWithoutForce() throws Exception {
    ZkJournal.format(client, root, "CID-1", false);
    StorageAlreadyFormattedException e = assertThrows(StorageAlreadyFormattedException.class,
        () -> ZkJournal.format(client, root, "CID-2", false));
    assertTrue(e.getMessage().contains("CID-1"), e.getMessage());
    assertEquals("CID-1", ZkJournal.readClusterId(client, root));
  }

  @Test
  void forceErasesTheLogKeepsTheEpochAndFencesARunningWriter() throws Exception {
    ZkJournal.format(client, root, "CID-1", false);
    try (ZkJournal journal = new ZkJournal(client, root, "nn1", ZkJournalOptions.defaults())) {
      JournalWriter w = journal.openForWrite(3);
      w.appendAndSync(ops(1, 5));
      new ZkCheckpointRegistry(client, root, ZkJournalOptions.defaults())
          .publishCheckpoint("nn1", 5);

      ZkJournal.format(client, root, "CID-2", true);
      assertEquals("CID-2", ZkJournal.readClusterId(client, root));
      assertThrows(FencedException.class, () -> w.appendAndSync(ops(6, 1)));
      assertEquals(0, journal.getLastTxId());
      assertEquals(List.of(), readAll(journal, 1));
      assertEquals(3, journal.getPromisedEpoch(), "epochs never go back");
      assertThrows(FencedException.class, () -> journal.openForWrite(3));
      assertEquals(1, journal.openForWrite(4).appendAndSync(ops(1, 1)));
      assertTrue(client.getChildren().forPath(new ZkLayout(root).checkpoints()).isEmpty());
    }
  }
}
