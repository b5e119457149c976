package io.quire.namenode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.journal.FileJournal;
import io.quire.namenode.testing.LocalNameNode;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.HaState;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.StandbyException;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.util.ExitUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8 defect 6: a single NameNode whose journal fails a write has applied records the
 * journal may not hold; it must not serve them. It refuses every later call and exits (here,
 * with exiting disabled, it stays refusing); a restart serves exactly what the journal holds.
 */
@Timeout(120)
class JournalFailureStopTest {
  private File dir;
  private Configuration conf;
  private NameNode nn;

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    ExitUtil.disableSystemExit();
    ExitUtil.resetFirstExitException();
    dir = TargetDirs.freshFile(info);
    conf = LocalNameNode.conf(dir);
    conf.setInt("ipc.client.connect.max.retries", 0);
    NameNode.format(conf, false);
  }

  @AfterEach
  void tearDown() {
    if (nn != null) {
      nn.stop();
    }
    ExitUtil.resetFirstExitException();
  }

  @Test
  void aNameNodeWhoseJournalFailedServesNothingAndExits() throws Exception {
    nn = LocalNameNode.start(conf);
    ClientProtocol client = QuireRpc.createClientProxy(new Configuration(conf),
        nn.getRpcAddress(), UserGroupInformation.getCurrentUser());
    try {
      assertTrue(client.mkdirs("/kept", (short) 0755, true));
      // Another writer takes the journal (as an operator's mistake or a second NameNode on the
      // same directory would): this NameNode's next batch is fenced.
      try (FileJournal intruder = new FileJournal(new File(dir, "current").toPath())) {
        intruder.openForWrite(intruder.getPromisedEpoch() + 1).close();
      }
      assertThrows(IOException.class, () -> client.mkdirs("/lost", (short) 0755, true));
      assertEquals(HaState.STOPPING, nn.getNamesystem().getHaGate().state());
      assertThrows(StandbyException.class, () -> client.getFileInfo("/lost"),
          "no read of the state the journal may not hold");
      assertNotNull(ExitUtil.getFirstExitException(), "the NameNode asked to exit");
    } finally {
      QuireRpc.stopProxy(client);
    }
    nn.stop();
    nn = LocalNameNode.start(conf);
    assertNotNull(nn.getNamesystem().read(() -> nn.getNamesystem().ops().reads()
        .getFileInfo("/kept")));
    assertEquals(null, nn.getNamesystem().read(() -> nn.getNamesystem().ops().reads()
        .getFileInfo("/lost")));
  }
}
