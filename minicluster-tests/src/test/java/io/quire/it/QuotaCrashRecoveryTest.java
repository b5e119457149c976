package io.quire.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.client.ClientConfigKeys;
import io.quire.minicluster.ForkedDaemon;
import io.quire.testing.Timing;
import io.quire.namenode.NameNode;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.exceptions.NSQuotaExceededException;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
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
    File base = new File("target/quota-crash-" + System.nanoTime()).getAbsoluteFile();
    File nameDir = new File(base, "name");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Configuration conf = new Configuration(false);
    conf.set(NameNodeConfigKeys.NAME_DIR_KEY, nameDir.getPath());
    conf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "localhost:" + port);
    conf.set(QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY, "localhost:0");
    conf.setLong(NameNodeConfigKeys.CHECKPOINT_TXNS_KEY, 100);
    conf.setLong(NameNodeConfigKeys.CHECKPOINT_CHECK_PERIOD_KEY, 50);
    conf.setInt(NameNodeConfigKeys.CHECKPOINT_RETAINED_KEY, 1);
    conf.setLong(NameNodeConfigKeys.SAFEMODE_EXTENSION_KEY, 0);
    base.mkdirs();
    File confFile = new File(base, "nn-site.xml");
    try (OutputStream os = new FileOutputStream(confFile)) {
      conf.writeXml(os);
    }
    NameNode.format(new Configuration(conf), true);
    File log = new File(base, "namenode.log");
    Configuration client = new Configuration();
    client.setInt(ClientConfigKeys.FAILOVER_MAX_ATTEMPTS_KEY, 3);
    client.setLong(ClientConfigKeys.FAILOVER_SLEEP_BASE_KEY, 50);
    URI uri = URI.create("quire://localhost:" + port + "/");

    try (ForkedDaemon nn = ForkedDaemon.startNameNode(confFile, log)) {
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
            .until(() -> countImagesAbove0(nameDir) >= 1);
        fs.delete(new Path("/p/gone"), true);
        fs.mkdirs(new Path("/p/r"));
        fs.setQuota(new Path("/p/r"), 3, Long.MAX_VALUE);
        fs.setQuota(new Path("/p"), Long.MAX_VALUE, -1);
        fs.rename(new Path("/p/q/f0"), new Path("/p/r/f0"));
        fs.delete(new Path("/p/f100"), false);
      }
      nn.kill();
    }

    try (ForkedDaemon nn = ForkedDaemon.startNameNode(confFile, log);
         FileSystem fs = FileSystem.newInstance(uri, client)) {
      // /p: itself, q, r, 29 files in q, 1 in r, 119 in /p.
      assertEquals(usage(152, 500, -1), quota(fs.getQuotaUsage(new Path("/p"))));
      assertEquals(usage(30, 40, -1), quota(fs.getQuotaUsage(new Path("/p/q"))));
      assertEquals(usage(2, 3, -1), quota(fs.getQuotaUsage(new Path("/p/r"))));
      fs.create(new Path("/p/r/f1")).close();
      assertThrows(NSQuotaExceededException.class, () -> fs.mkdirs(new Path("/p/r/d")));
      assertEquals(usage(3, 3, -1), quota(fs.getQuotaUsage(new Path("/p/r"))));
    }
    FileUtil.fullyDelete(base);
  }

  private static List<Long> usage(long count, long quota, long spaceQuota) {
    return List.of(count, quota, spaceQuota);
  }

  private static List<Long> quota(QuotaUsage u) {
    return List.of(u.getFileAndDirectoryCount(), u.getQuota(), u.getSpaceQuota());
  }

  private static long countImagesAbove0(File nameDir) throws Exception {
    try (Stream<java.nio.file.Path> files = Files.walk(nameDir.toPath())) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("fsimage_0*[1-9][0-9]*")).count();
    } catch (java.io.UncheckedIOException e) {
      if (e.getCause() instanceof java.nio.file.NoSuchFileException) {
        return 0;
      }
      throw e;
    }
  }
}
