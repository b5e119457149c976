package io.quire.datanode.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.security.BlockKey;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.security.BlockTokenSecretManager;
import io.quire.protocol.security.ExportedBlockKeys;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.ReplicaState;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.token.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DataNodes with block access tokens on: they learn keys from heartbeat answers, serve ops with
 * a valid token, refuse (ERROR_ACCESS_TOKEN, nothing touched) a client that guesses a block id,
 * and mint COPY / REPLACE tokens for their own re-replication and recovery.
 */
class BlockTokenTest {
  private static final Duration WAIT = Timing.seconds(20);
  private static final int KEY = 0x01000001;
  private static final long HOUR = 3_600_000L;
  private final BlockTokenSecretManager nnKeys =
      new BlockTokenSecretManager(System::currentTimeMillis);
  private DataNodeHarness h;
  private DataNode dn0;
  private DataNode dn1;

  @BeforeEach
  void start() {
    byte[] secret = new byte[20];
    new Random(8).nextBytes(secret);
    BlockKey key = new BlockKey(KEY, System.currentTimeMillis() + 2 * HOUR, secret);
    nnKeys.addKey(key);
    h = new DataNodeHarness("BlockToken");
    h.nn.blockTokensEnabled = true;
    dn0 = h.start(tokensOn(0));
    dn1 = h.start(tokensOn(1));
    h.nn.keys = new ExportedBlockKeys(KEY, List.of(key));
    await().atMost(WAIT).until(() -> dn0.getBlockTokens().hasKey(KEY)
        && dn1.getBlockTokens().hasKey(KEY));
  }

  @AfterEach
  void stop() throws IOException {
    h.close();
  }

  private Configuration tokensOn(int i) {
    Configuration c = h.conf(i);
    c.setBoolean(QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY, true);
    return c;
  }

  private Token<BlockTokenIdentifier> token(long blockId, BlockAccessMode mode, long expiry) {
    return nnKeys.sign(new BlockTokenIdentifier("alice", blockId, EnumSet.of(mode), KEY,
        expiry));
  }

  private Token<BlockTokenIdentifier> token(long blockId, BlockAccessMode mode) {
    return token(blockId, mode, System.currentTimeMillis() + HOUR);
  }

  private static byte[] data(int n) {
    byte[] d = new byte[n];
    new Random(n).nextBytes(d);
    return d;
  }

  private void writeWithToken(List<DataNodeId> pipeline, Block b, byte[] d) throws IOException {
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      OpResponse r = c.openWrite(b, pipeline.subList(1, pipeline.size()),
          BlockConstructionStage.CREATE, b.getGenerationStamp(),
          token(b.getBlockId(), BlockAccessMode.WRITE));
      assertTrue(r.isSuccess(), r.toString());
      for (PipelineAck a : c.writeAll(0, d, 64 * 1024)) {
        assertEquals(-1, a.firstFailedIndex(), a.toString());
      }
    }
  }

  @Test
  void writesAndReadsWithValidTokens() throws IOException {
    Block b = new Block(100, 1, 0);
    byte[] d = data(150_000);
    writeWithToken(List.of(dn0.getDataNodeId(), dn1.getDataNodeId()), b, d);
    for (DataNode dn : List.of(dn0, dn1)) {
      BlockClient.ReadResult r = BlockClient.read(dn.getDataNodeId(), b.withNumBytes(d.length),
          0, d.length, token(100, BlockAccessMode.READ));
      assertTrue(r.response().isSuccess(), r.response().toString());
      assertArrayEquals(d, r.data());
    }
    OpResponse crc = BlockClient.blockOp(dn0.getDataNodeId(), Op.BLOCK_CHECKSUM,
        b.withNumBytes(d.length), 0, 0, token(100, BlockAccessMode.READ));
    assertTrue(crc.isSuccess(), crc.toString());
  }

  @Test
  void aClientThatGuessesABlockIdReadsNothing() throws IOException {
    Block b = new Block(200, 1, 0);
    byte[] d = data(5000);
    writeWithToken(List.of(dn0.getDataNodeId()), b, d);
    Block guessed = b.withNumBytes(d.length);
    long now = System.currentTimeMillis();
    Token<BlockTokenIdentifier> forged = new Token<>(
        token(200, BlockAccessMode.READ).getIdentifier(), new byte[20],
        BlockTokenIdentifier.KIND, new Text());
    BlockTokenSecretManager otherKeys = new BlockTokenSecretManager(System::currentTimeMillis);
    otherKeys.addKey(new BlockKey(KEY, now + HOUR, new byte[20]));
    Token<BlockTokenIdentifier> wrongKey = otherKeys.sign(new BlockTokenIdentifier("eve", 200,
        EnumSet.of(BlockAccessMode.READ), KEY, now + HOUR));
    List<Token<BlockTokenIdentifier>> bad = List.of(new Token<>(),
        token(201, BlockAccessMode.READ), token(200, BlockAccessMode.READ, now - 1), forged,
        wrongKey, token(200, BlockAccessMode.WRITE));
    for (Token<BlockTokenIdentifier> t : bad) {
      BlockClient.ReadResult r = BlockClient.read(dn0.getDataNodeId(), guessed, 0, d.length, t);
      assertEquals(Status.ERROR_ACCESS_TOKEN, r.response().getStatus(), r.response().toString());
      assertNull(r.data());
      assertTrue(r.response().getMessage().startsWith("READ_BLOCK blk_200_1"),
          r.response().getMessage());
    }
    BlockClient.ReadResult none = BlockClient.read(dn0.getDataNodeId(), guessed, 0, d.length);
    assertEquals(Status.ERROR_ACCESS_TOKEN, none.response().getStatus());
    OpResponse len = BlockClient.blockOp(dn0.getDataNodeId(), Op.VISIBLE_LENGTH, guessed, 0, 0);
    assertEquals(Status.ERROR_ACCESS_TOKEN, len.getStatus());
  }

  @Test
  void aReadTokenDoesNotWriteAndAWriteTokenDoesNotRecover() throws IOException {
    Block b = new Block(300, 1, 0);
    try (BlockClient c = new BlockClient(dn0.getDataNodeId())) {
      OpResponse r = c.openWrite(b, List.of(), BlockConstructionStage.CREATE, 1,
          token(300, BlockAccessMode.READ));
      assertEquals(Status.ERROR_ACCESS_TOKEN, r.getStatus(), r.toString());
    }
    assertNull(dn0.getFsDataset().getReplica(300), "nothing created");
    try (BlockClient c = new BlockClient(dn0.getDataNodeId())) {
      OpResponse r = c.openWrite(b, List.of(), BlockConstructionStage.TRANSFER, 1,
          token(300, BlockAccessMode.WRITE));
      assertEquals(Status.ERROR_ACCESS_TOKEN, r.getStatus(), "TRANSFER needs COPY");
    }
    writeWithToken(List.of(dn0.getDataNodeId()), new Block(301, 1, 0), data(1000));
    OpResponse rec = BlockClient.blockOp(dn0.getDataNodeId(), Op.RECOVERY_INIT,
        new Block(301, 1, 1000), 2, 0, token(301, BlockAccessMode.WRITE));
    assertEquals(Status.ERROR_ACCESS_TOKEN, rec.getStatus(), "recovery needs REPLACE");
    assertEquals(1, dn0.getFsDataset().getReplica(301).getGenerationStamp(), "untouched");
  }

  @Test
  void dataNodesMintCopyAndReplaceTokensForEachOther() throws IOException {
    Block b = new Block(400, 1, 0);
    byte[] d = data(70_000);
    writeWithToken(List.of(dn0.getDataNodeId()), b, d);
    h.nn.queueCommand(dn0.getDataNodeUuid(), new DataNodeCommand(DataNodeCommand.Type.TRANSFER,
        List.of(b.withNumBytes(d.length)), List.of(List.of(DataNodeInfo.ofId(dn1.getDataNodeId()))),
        0));
    await().atMost(WAIT).until(() -> dn1.getFsDataset().getReplica(400) != null
        && dn1.getFsDataset().getReplica(400).getState() == ReplicaState.FINALIZED);

    Block open = new Block(401, 1, 0);
    try (BlockClient c = new BlockClient(dn0.getDataNodeId())) {
      c.openWrite(open, List.of(dn1.getDataNodeId()), BlockConstructionStage.CREATE, 1,
          token(401, BlockAccessMode.WRITE));
      c.sendPacket(0, new byte[2000], 0, 2000, false);
      PipelineAck.read(c.in);
    }
    h.nn.queueCommand(dn0.getDataNodeUuid(), new DataNodeCommand(DataNodeCommand.Type.RECOVER,
        List.of(open.withNumBytes(Long.MAX_VALUE)), List.of(List.of(
            DataNodeInfo.ofId(dn0.getDataNodeId()), DataNodeInfo.ofId(dn1.getDataNodeId()))), 5));
    await().atMost(WAIT).until(() -> !h.nn.commits.isEmpty());
    assertEquals(2, h.nn.commits.get(0).targets().size(), "the remote replica took part");
    assertEquals(5, dn1.getFsDataset().getReplica(401).getGenerationStamp());
  }
}
