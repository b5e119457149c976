package io.quire.namenode;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.testing.LocalNameNode;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.RenameMode;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Eight threads create, rename and delete through the handlers of a NameNode on a real journal
 * (group commit) while checkpoints are taken; after a restart the namespace is the same.
 */
@Timeout(120)
class ConcurrentMutationsRestartTest {
  private NameNode nn;

  @AfterEach
  void tearDown() {
    if (nn != null) {
      nn.stop();
    }
  }

  private static String dump(NameNode n) throws IOException {
    return n.getNamesystem().read(() -> {
      StringBuilder sb = new StringBuilder();
      dump(n.getNamesystem().getState().tree().getRoot(), "", sb);
      return sb.toString();
    });
  }

  private static void dump(Inode i, String p, StringBuilder sb) {
    sb.append(p).append(' ').append(i.getId()).append(' ').append(i.getModificationTime())
        .append('\n');
    if (i instanceof InodeDirectory d) {
      d.getChildren().forEach(c -> dump(c, p + "/" + c.getName(), sb));
    }
  }

  @Test
  void concurrentOperationsSurviveRestart(TestInfo info) throws Exception {
    File dir = TargetDirs.freshFile(info);
    Configuration conf = LocalNameNode.conf(dir);
    NameNode.format(conf, false);
    nn = LocalNameNode.start(conf);
    ClientProtocol client = nn.getRpcServer().getClientHandler();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        String base = "/t" + thread;
        for (int i = 0; i < 150; i++) {
          String f = base + "/f" + i;
          long id = client.create(f, (short) 0644, "c" + thread, false, true, (short) 1, 1024)
              .getFileId();
          assertTrue(client.complete(f, id, "c" + thread, null));
          if (i % 3 == 0) {
            client.rename(f, base + "/r" + i, RenameMode.NO_OVERWRITE);
          } else if (i % 3 == 1) {
            assertTrue(client.delete(f, false));
          }
          if (thread == 0 && i % 50 == 0) {
            nn.saveCheckpointNow();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertEquals(100, client.getListing("/t3", "").getEntries().size());
    String before = dump(nn);
    nn.stop();
    nn = LocalNameNode.start(conf);
    assertEquals(before, dump(nn));
  }
}
