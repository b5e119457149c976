package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.LeaseExpiredException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writer-side flows: append, pipeline recovery, hflush length, abandon, retries, concat. */
class FileWriteFlowTest {
  private NamesystemFixture fx;
  private ClientProtocol nn;

  @BeforeEach
  void setUp() throws IOException {
    fx = new NamesystemFixture();
    nn = fx.client;
    for (int i = 0; i < 3; i++) {
      fx.addDataNode(i);
    }
  }

  private Block writeOneBlock(String path, long len) throws IOException {
    long id = nn.create(path, (short) 0644, "w", false, true, (short) 2, 1024).getFileId();
    LocatedBlock lb = nn.addBlock(path, id, "w", null, List.of(), null);
    Block b = lb.getBlock().withNumBytes(len);
    for (DataNodeInfo d : lb.getLocations()) {
      fx.finalized(Integer.parseInt(d.getUuid().substring(3)), b);
    }
    assertTrue(nn.complete(path, id, "w", b));
    return b;
  }

  @Test
  void appendContinuesThePartialBlockThroughPipelineRecovery() throws IOException {
    Block b = writeOneBlock("/a", 100);
    String etag = nn.getFileInfo("/a").getEtag();
    LocatedBlock last = nn.append("/a", "appender");
    assertEquals(b, last.getBlock());
    assertEquals(2, last.getLocations().size());
    assertTrue(nn.getFileInfo("/a").isUnderConstruction());

    LocatedBlock bumped = nn.updateBlockForPipeline(last.getBlock(), "appender");
    long newGs = bumped.getBlock().getGenerationStamp();
    assertTrue(newGs > b.getGenerationStamp());
    Block newBlock = new Block(b.getBlockId(), newGs, 100);
    nn.updatePipeline("appender", last.getBlock(), newBlock, last.getLocations());
    nn.updatePipeline("appender", last.getBlock(), newBlock, last.getLocations());
    Block written = newBlock.withNumBytes(150);
    nn.fsync("/a", 0, "appender", 150);
    assertEquals(150, nn.getFileInfo("/a").getLength(), "hflush length is visible");
    for (DataNodeInfo d : last.getLocations()) {
      fx.finalized(Integer.parseInt(d.getUuid().substring(3)), written);
    }
    assertTrue(nn.complete("/a", 0, "appender", written));
    assertEquals(150, nn.getFileInfo("/a").getLength());
    assertNotEquals(etag, nn.getFileInfo("/a").getEtag());
  }

  @Test
  void appendToFullLastBlockStartsANewOne() throws IOException {
    Block b = writeOneBlock("/full", 1024);
    assertNull(nn.append("/full", "ap"));
    LocatedBlock next = nn.addBlock("/full", 0, "ap", null, List.of(), null);
    assertEquals(1024, next.getOffset());
    assertNotEquals(b.getBlockId(), next.getBlock().getBlockId());
  }

  @Test
  void lostAddBlockReplyIsAnsweredWithTheSameBlock() throws IOException {
    long id = nn.create("/retry", (short) 0644, "w", false, true, (short) 1, 1024).getFileId();
    LocatedBlock first = nn.addBlock("/retry", id, "w", null, List.of(), null);
    LocatedBlock again = nn.addBlock("/retry", id, "w", null, List.of(), null);
    assertEquals(first.getBlock(), again.getBlock());
  }

  @Test
  void abandonedBlockLeavesTheFile() throws IOException {
    long id = nn.create("/ab", (short) 0644, "w", false, true, (short) 1, 1024).getFileId();
    LocatedBlock lb = nn.addBlock("/ab", id, "w", null, List.of(), null);
    nn.abandonBlock("/ab", id, "w", lb.getBlock());
    nn.abandonBlock("/ab", id, "w", lb.getBlock());
    assertTrue(nn.getBlockLocations("/ab", 0, 10).getBlocks().isEmpty());
    assertTrue(nn.complete("/ab", id, "w", null));
  }

  @Test
  void writerWithoutLeaseOrFileIsRefused() throws IOException {
    long id = nn.create("/l", (short) 0644, "w", false, true, (short) 1, 1024).getFileId();
    assertThrows(LeaseExpiredException.class,
        () -> nn.addBlock("/l", id, "intruder", null, List.of(), null));
    assertTrue(nn.delete("/l", false));
    assertThrows(FileNotFoundException.class,
        () -> nn.addBlock("/l", id, "w", null, List.of(), null));
  }

  @Test
  void additionalDataNodesAvoidThePipeline() throws IOException {
    long id = nn.create("/x", (short) 0644, "w", false, true, (short) 2, 1024).getFileId();
    LocatedBlock lb = nn.addBlock("/x", id, "w", null, List.of(), null);
    List<DataNodeInfo> extra = nn.getAdditionalDataNodes("/x", id, lb.getBlock(),
        lb.getLocations(), List.of(), 1, "w");
    assertEquals(1, extra.size());
    assertFalse(lb.getLocations().stream().anyMatch(d -> d.getUuid().equals(
        extra.get(0).getUuid())));
  }

  @Test
  void concatMovesBlocksInOrderAndChecksSources() throws IOException {
    writeOneBlock("/t", 1024);
    writeOneBlock("/s1", 1024);
    writeOneBlock("/s2", 10);
    nn.concat("/t", List.of("/s1", "/s2"));
    assertNull(nn.getFileInfo("/s1"));
    LocatedBlocks lbs = nn.getBlockLocations("/t", 0, 5000);
    assertEquals(3, lbs.getBlocks().size());
    assertEquals(2048, lbs.getBlocks().get(2).getOffset());
    assertEquals(2058, lbs.getFileLength());
    assertThrows(IllegalArgumentException.class, () -> nn.concat("/t", List.of("/t")));
    assertThrows(IllegalArgumentException.class, () -> nn.concat("/t", List.of()));
    assertThrows(FileNotFoundException.class, () -> nn.concat("/t", List.of("/nope")));
    nn.create("/empty", (short) 0644, "w", false, true, (short) 1, 1024);
    assertTrue(nn.complete("/empty", 0, "w", null));
    assertThrows(IllegalArgumentException.class, () -> nn.concat("/t", List.of("/empty")));
  }

  @Test
  void truncateOnABlockBoundaryIsImmediate() throws IOException {
    writeOneBlock("/tb", 1024);
    nn.append("/tb", "w2");
    long id = nn.getFileInfo("/tb").getFileId();
    Block b2 = nn.addBlock("/tb", id, "w2", null, List.of(), null).getBlock().withNumBytes(5);
    fx.finalized(0, b2);
    assertTrue(nn.complete("/tb", id, "w2", b2));
    assertEquals(1029, nn.getFileInfo("/tb").getLength());
    assertTrue(nn.truncate("/tb", 1024, "t"));
    assertEquals(1024, nn.getFileInfo("/tb").getLength());
    assertTrue(nn.isFileClosed("/tb"));
    assertThrows(IllegalArgumentException.class, () -> nn.truncate("/tb", 5000, "t"));
  }
}
