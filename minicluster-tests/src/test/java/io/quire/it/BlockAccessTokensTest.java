package io.quire.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.namenode.rpc.ClientCallCounts;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.LocatedBlock;
import io.quire.testing.BlockClient;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.security.token.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Block access tokens end to end (on by default): a client that guesses a block id reads
 * nothing, a stream whose tokens expired fetches fresh ones once and reads on, and in HA a
 * token of the old active stays valid after a failover while the new active's tokens are
 * accepted at once.
 */
class BlockAccessTokensTest {
  private static void write(FileSystem fs, String path, byte[] d) throws IOException {
    try (FSDataOutputStream out = fs.create(new Path(path), true)) {
      out.write(d);
    }
  }

  private static LocatedBlock onlyBlock(io.quire.protocol.client.ClientProtocol nn, String path)
      throws IOException {
    return nn.getBlockLocations(path, 0, Long.MAX_VALUE).getBlocks().get(0);
  }

  private static long expiry(Token<BlockTokenIdentifier> t) throws IOException {
    return BlockTokenIdentifier.decode(t.getIdentifier()).getExpiryDate();
  }

  @Test
  @Timeout(180)
  void aClientThatGuessesABlockIdReadsNothing() throws Exception {
    try (MiniQuireCluster cluster = MiniQuireCluster.builder(new Configuration())
        .numDataNodes(1).build()) {
      FileSystem fs = cluster.getFileSystem();
      byte[] secret = TestData.random(10_000, 1);
      write(fs, "/secret", secret);
      write(fs, "/mine", TestData.random(100, 2));
      LocatedBlock target = onlyBlock(cluster.getClientProtocol(), "/secret");
      LocatedBlock mine = onlyBlock(cluster.getClientProtocol(), "/mine");
      Block guessed = target.getBlock();
      var dn = target.getLocations().get(0);

      BlockClient.ReadResult ok = read(dn, guessed, target.getToken());
      assertArrayEquals(secret, ok.data(), "the NameNode's READ token reads");
      for (Token<BlockTokenIdentifier> t : List.<Token<BlockTokenIdentifier>>of(
          new Token<>(), mine.getToken())) {
        BlockClient.ReadResult r = read(dn, guessed, t);
        assertEquals(Status.ERROR_ACCESS_TOKEN, r.response().getStatus(), r.response().toString());
        assertNull(r.data());
      }
      OpResponse w;
      try (BlockClient c = new BlockClient(dn)) {
        w = c.openWrite(guessed, List.of(), BlockConstructionStage.RECOVER_APPEND,
            guessed.getGenerationStamp() + 1000, target.getToken());
      }
      assertEquals(Status.ERROR_ACCESS_TOKEN, w.getStatus(), "a READ token does not write");
      try (FSDataInputStream in = fs.open(new Path("/secret"))) {
        byte[] back = new byte[secret.length];
        IOUtils.readFully(in, back, 0, back.length);
        assertArrayEquals(secret, back, "untouched");
      }
    }
  }

  @Test
  @Timeout(180)
  void aStreamWhoseTokensExpiredFetchesFreshOnesOnce() throws Exception {
    Configuration conf = new Configuration();
    conf.setLong(NameNodeConfigKeys.BLOCK_ACCESS_TOKEN_LIFETIME_KEY, 1000);
    try (MiniQuireCluster cluster = MiniQuireCluster.builder(conf).numDataNodes(2).build()) {
      FileSystem fs = cluster.getFileSystem();
      byte[] d = TestData.random(300_000, 3);
      write(fs, "/expiring", d);
      ClientCallCounts calls = cluster.getNameNode().getRpcServer().getClientCallCounts();
      try (FSDataInputStream in = fs.open(new Path("/expiring"))) {
        long expiry = expiry(onlyBlock(cluster.getClientProtocol(), "/expiring").getToken());
        long fetched = calls.get("getBlockLocations"); // the stream's and this test's
        await().atMost(Timing.seconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> System.currentTimeMillis() > expiry + 1000);
        byte[] back = new byte[d.length];
        IOUtils.readFully(in, back, 0, back.length);
        assertArrayEquals(d, back);
        assertEquals(fetched + 1, calls.get("getBlockLocations"),
            "one refetch for the expired token");
      }
    }
  }

  @Test
  @Timeout(300)
  void afterAFailoverOldTokensStillReadAndNewTokensAreAccepted() throws Exception {
    try (MiniQuireCluster cluster = MiniQuireCluster.builder(new Configuration())
        .nameNodes(2).numDataNodes(2).build()) {
      FileSystem fs = cluster.getFileSystem();
      byte[] d = TestData.random(50_000, 4);
      write(fs, "/ha", d);
      int first = cluster.waitForActiveNameNode();
      LocatedBlock before = onlyBlock(cluster.directClient(first), "/ha");
      int firstKey = BlockTokenIdentifier.decode(before.getToken().getIdentifier()).getKeyId();

      cluster.stopNameNode(first);
      int second = cluster.waitForActiveNameNode();
      assertTrue(second != first);
      LocatedBlock after = onlyBlock(cluster.directClient(second), "/ha");
      int secondKey = BlockTokenIdentifier.decode(after.getToken().getIdentifier()).getKeyId();
      assertEquals(first, firstKey >>> 24, "key ids carry the NameNode's index");
      assertEquals(second, secondKey >>> 24);

      for (var dn : before.getLocations()) {
        assertArrayEquals(d, read(dn, before.getBlock(), before.getToken())
            .data(), "the old active's token still reads from " + dn);
        assertArrayEquals(d, read(dn, after.getBlock(), after.getToken())
            .data(), "the new active's token is accepted by " + dn);
      }
      try (FSDataInputStream in = fs.open(new Path("/ha"))) {
        byte[] back = new byte[d.length];
        IOUtils.readFully(in, back, 0, back.length);
        assertArrayEquals(d, back);
      }
      byte[] more = TestData.random(20_000, 5);
      write(fs, "/ha2", more); // writes through the new active's WRITE tokens
      try (FSDataInputStream in = fs.open(new Path("/ha2"))) {
        byte[] back = new byte[more.length];
        IOUtils.readFully(in, back, 0, back.length);
        assertArrayEquals(more, back);
      }
    }
  }

  /** A READ_BLOCK of all of {@code b} carrying {@code token}, as a client guessing ids would. */
  private static BlockClient.ReadResult read(DataNodeId dn, Block b,
      Token<BlockTokenIdentifier> token) throws IOException {
    return BlockClient.read(dn, b, 0, b.getNumBytes(), token);
  }
}
