package io.quire.datanode.scanner;

import static io.quire.datanode.scanner.ScannerTestSupport.writeBlock;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.storage.Replica;
import io.quire.datanode.storage.StorageDirectory;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.types.Block;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.junit.jupiter.api.Test;

/** A storage directory vanishing under a running DataNode: its replicas are reported lost. */
class VolumeFailureTest {
  private static final Duration WAIT = Timing.seconds(20);

  @Test
  void aFailedVolumeIsTakenOutOfServiceAndCountedInHeartbeats() throws Exception {
    try (DataNodeHarness h = new DataNodeHarness("VolumeFailure")) {
      Configuration c = h.conf(0);
      c.setLong(DataNodeConfigKeys.SCAN_PERIOD_KEY, 0);
      c.setLong(DataNodeConfigKeys.DIRECTORYSCAN_INTERVAL_KEY, 0);
      DataNode dn = h.start(c);
      writeBlock(dn, new Block(8501, 1, 0), 1000);
      writeBlock(dn, new Block(8502, 1, 0), 1000);
      Replica a = dn.getFsDataset().getReplica(8501);
      Replica b = dn.getFsDataset().getReplica(8502);
      assertTrue(!a.getDir().equals(b.getDir()), "round-robin over both volumes");
      StorageDirectory broken = b.getDir();

      assertTrue(FileUtil.fullyDelete(broken.getCurrentDir()));
      DirectoryScanner s = dn.getDirectoryScanner();
      assertTrue(s.awaitScan(s.triggerScanNow(), WAIT.toMillis()));

      assertEquals(1, s.getFailedVolumes());
      assertTrue(dn.getFsDataset().getVolumeHealth().isFailed(broken));
      assertNull(dn.getFsDataset().getReplica(8502));
      assertNotNull(dn.getFsDataset().getReplica(8501));
      await().atMost(WAIT).until(() -> h.nn.deleted.stream()
          .anyMatch(x -> x.getBlockId() == 8502));
      dn.triggerHeartbeat();
      await().atMost(WAIT).until(() -> h.nn.lastStorageReport != null
          && h.nn.lastStorageReport.getFailedVolumes() == 1);

      for (long id = 8503; id < 8506; id++) {
        writeBlock(dn, new Block(id, 1, 0), 100);
        assertEquals(a.getDir(), dn.getFsDataset().getReplica(id).getDir());
      }
    }
  }
}
