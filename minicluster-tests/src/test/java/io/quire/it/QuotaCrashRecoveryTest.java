package io.quire.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.client.ClientConfigKeys;
import io.quire.minicluster.CrashTestCluster;
import io.quire.minicluster.NameDirFiles;
import io.quire.testing.Timing;
import io.quire.protocol.exceptions.NSQuotaExceededException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.QuotaUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Quotas survive SIGKILL of a NameNode in its own JVM, a checkpoint and the purge of the
 * journal it made unnecessary: quotas set before the checkpoint come back from the image
 * (usage recomputed on load), quotas set and cleared after it from the journal, and the
 * usage is still exact and still enforced.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class QuotaCrashRecoveryTest {

  @Test
  void quotasSurviveSigkillCheckpointAndJournalPurge() throws Exception {
    try (CrashTestCluster c = CrashTestCluster.builder(getClass()).forkedNameNode()
        .checkpointEvery(100).build()) {
      quotasSurviveSigkillCheckpointAndJournalPurge(c);
    }
  }

  private void quotasSurviveSigkillCheckpointAndJournalPurge(CrashTestCluster c)
      throws Exception {
    NameDirFiles nameDir = c.nameDir();
    Configuration client = new Configuration();
    client.setInt(ClientConfigKeys.FAILOVER_MAX_ATTEMPTS_KEY, 3);
    client.setLong(ClientConfigKeys.FAILOVER_SLEEP_BASE_KEY, 50);
    URI uri = c.cluster().getURI();

    try (FileSystem fs = FileSystem.newInstance(uri, client)) {
      fs.mkdirs(new Path("/p/q"));
      fs.setQuota(new Path("/p"), 500, 1L << 30);
      fs.setQuota(new Path("/p/q"), 40, Long.MAX_VALUE);
      fs.mkdirs(new Path("/p/gone"));
      fs.setQuota(new Path("/p/gone"), 7, 7);
      for (int i = 0; i < 150; i++) {
        fs.create(new Path(i < 30 ? "/p/q/f" + i : "/p/f" + i)).close();
      }
      // Precondition: a checkpoint was taken and the journal before it purged.
      await("a checkpoint").atMost(Timing.seconds(60))
          .until(() -> nameDir.checkpoints() >= 1);
      fs.delete(new Path("/p/gone"), true);
      fs.mkdirs(new Path("/p/r"));
      fs.setQuota(new Path("/p/r"), 3, Long.MAX_VALUE);
      fs.setQuota(new Path("/p"), Long.MAX_VALUE, -1);
      fs.rename(new Path("/p/q/f0"), new Path("/p/r/f0"));
      fs.delete(new Path("/p/f100"), false);
    }
    c.crashAndRestartNameNode();

    try (FileSystem fs = FileSystem.newInstance(uri, client)) {
      // /p: itself, q, r, 29 files in q, 1 in r, 119 in /p.
      assertEquals(usage(152, 500, -1), quota(fs.getQuotaUsage(new Path("/p"))));
      assertEquals(usage(30, 40, -1), quota(fs.getQuotaUsage(new Path("/p/q"))));
      assertEquals(usage(2, 3, -1), quota(fs.getQuotaUsage(new Path("/p/r"))));
      fs.create(new Path("/p/r/f1")).close();
      assertThrows(NSQuotaExceededException.class, () -> fs.mkdirs(new Path("/p/r/d")));
      assertEquals(usage(3, 3, -1), quota(fs.getQuotaUsage(new Path("/p/r"))));
    }
  }

  private static List<Long> usage(long count, long quota, long spaceQuota) {
    return List.of(count, quota, spaceQuota);
  }

  private static List<Long> quota(QuotaUsage u) {
    return List.of(u.getFileAndDirectoryCount(), u.getQuota(), u.getSpaceQuota());
  }
}
