package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.InvalidRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Lengths and counts that writers send are range-checked: a block length is 0 to the file's
 * block size (addBlock's previous, complete's last, updatePipeline's new block, fsync), and
 * getAdditionalDataNodes' count is 0 to the maximum replication. Refusals are
 * InvalidRequestExceptions naming the operation and the path, and change nothing.
 */
class ClientLengthRangeTest {
  private static final long BLOCK_SIZE = 1024;
  private NamesystemFixture fx;
  private ClientProtocol nn;
  private long fileId;
  private LocatedBlock first;

  @BeforeEach
  void setUp() throws IOException {
    fx = new NamesystemFixture();
    nn = fx.client;
    fx.addDataNode(0);
    fileId = nn.create("/f", (short) 0644, "w", false, true, (short) 1, BLOCK_SIZE).getFileId();
    first = nn.addBlock("/f", fileId, "w", null, List.of(), null);
  }

  private static void refused(String op, Executable call) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
    assertTrue(e.getMessage().startsWith(op + " /f"), e.getMessage());
  }

  @Test
  void fsyncLengthOutsideTheBlockIsRefused() throws IOException {
    long applied = fx.ns.getLastAppliedTxId();
    refused("fsync", () -> nn.fsync("/f", fileId, "w", -1));
    refused("fsync", () -> nn.fsync("/f", fileId, "w", BLOCK_SIZE + 1));
    refused("fsync", () -> nn.fsync("/f", fileId, "w", Long.MAX_VALUE));
    assertEquals(applied, fx.ns.getLastAppliedTxId(), "nothing journaled");
    nn.fsync("/f", fileId, "w", BLOCK_SIZE);
    assertEquals(BLOCK_SIZE, nn.getFileInfo("/f").getLength());
  }

  @Test
  void addBlockPreviousLengthOutsideTheBlockIsRefused() throws IOException {
    Block b = first.getBlock();
    refused("addBlock", () -> nn.addBlock("/f", fileId, "w", b.withNumBytes(-5), List.of(),
        null));
    refused("addBlock", () -> nn.addBlock("/f", fileId, "w", b.withNumBytes(BLOCK_SIZE + 1),
        List.of(), null));
    assertEquals(0, nn.getFileInfo("/f").getLength());
    fx.finalized(0, b.withNumBytes(BLOCK_SIZE));
    nn.addBlock("/f", fileId, "w", b.withNumBytes(BLOCK_SIZE), List.of(), null);
    assertEquals(BLOCK_SIZE, nn.getFileInfo("/f").getLength());
  }

  @Test
  void completeLastLengthOutsideTheBlockIsRefused() throws IOException {
    Block b = first.getBlock();
    refused("complete", () -> nn.complete("/f", fileId, "w", b.withNumBytes(-1)));
    refused("complete", () -> nn.complete("/f", fileId, "w", b.withNumBytes(1L << 40)));
    assertTrue(nn.getFileInfo("/f").isUnderConstruction());
    fx.finalized(0, b.withNumBytes(10));
    assertTrue(nn.complete("/f", fileId, "w", b.withNumBytes(10)));
  }

  @Test
  void updatePipelineLengthOutsideTheBlockIsRefused() throws IOException {
    Block b = first.getBlock();
    long gs = nn.updateBlockForPipeline(b, "w").getBlock().getGenerationStamp();
    refused("updatePipeline", () -> nn.updatePipeline("w", b,
        new Block(b.getBlockId(), gs, -1), first.getLocations()));
    refused("updatePipeline", () -> nn.updatePipeline("w", b,
        new Block(b.getBlockId(), gs, BLOCK_SIZE + 1), first.getLocations()));
    nn.updatePipeline("w", b, new Block(b.getBlockId(), gs, 7), first.getLocations());
    assertEquals(7, nn.getFileInfo("/f").getLength());
  }

  @Test
  void additionalDataNodeCountIsRangeChecked() throws IOException {
    Block b = first.getBlock();
    refused("getAdditionalDataNodes", () -> nn.getAdditionalDataNodes("/f", fileId, b,
        first.getLocations(), List.of(), -1, "w"));
    refused("getAdditionalDataNodes", () -> nn.getAdditionalDataNodes("/f", fileId, b,
        List.of(), List.of(), Integer.MAX_VALUE, "w"));
    refused("getAdditionalDataNodes", () -> nn.getAdditionalDataNodes("/f", fileId, b,
        List.of(), List.of(), 513, "w"));
    assertEquals(1, nn.getAdditionalDataNodes("/f", fileId, b, List.of(), List.of(), 512, "w")
        .size(), "one DataNode is all there is");
    assertEquals(0, nn.getAdditionalDataNodes("/f", fileId, b, List.of(), List.of(), 0, "w")
        .size());
  }
}
