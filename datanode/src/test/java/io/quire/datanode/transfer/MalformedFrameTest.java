package io.quire.datanode.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Garbage, truncated and oversized frames get an error where possible; the server lives on. */
class MalformedFrameTest {
  private static DataNodeHarness h;
  private static DataNode dn;
  private static DataNodeId id;
  private static final Block BLOCK = new Block(77, 1, 0);
  private static final byte[] DATA = new byte[3000];

  @BeforeAll
  static void start() throws IOException {
    h = new DataNodeHarness("MalformedFrameTest");
    dn = h.start(0);
    id = dn.getDataNodeId();
    new Random(3).nextBytes(DATA);
    BlockClient.writeBlock(List.of(id), BLOCK, DATA);
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
  }

  private static OpResponse sendRaw(byte[] bytes, boolean expectAnswer) throws IOException {
    try (Socket s = new Socket(id.getHost(), id.getDataPort())) {
      s.setSoTimeout(10_000);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.write(bytes);
      out.flush();
      if (!expectAnswer) {
        s.shutdownOutput();
      }
      return expectAnswer ? OpResponse.read(new DataInputStream(s.getInputStream())) : null;
    }
  }

  private static void assertStillServes() throws IOException {
    BlockClient.ReadResult r = BlockClient.read(id, BLOCK, 0, DATA.length);
    assertTrue(r.response().isSuccess(), r.response().toString());
    assertArrayEquals(DATA, r.data());
  }

  @Test
  void wrongVersionGetsErrorInvalid() throws IOException {
    OpResponse r = sendRaw(new byte[] {0, 42, 81}, true);
    assertEquals(Status.ERROR_INVALID, r.getStatus());
    assertTrue(r.getMessage().contains("version 42"), r.getMessage());
    assertStillServes();
  }

  @Test
  void unknownOpcodeGetsErrorInvalid() throws IOException {
    OpResponse r = sendRaw(new byte[] {0, 1, 7}, true);
    assertEquals(Status.ERROR_INVALID, r.getStatus());
    assertStillServes();
  }

  @Test
  void oversizedStringGetsErrorInvalid() throws IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeShort(io.quire.protocol.datatransfer.DataTransferProtocol.VERSION);
    d.writeByte(Op.READ_BLOCK.code());
    d.writeInt(0); // no token: identifier
    d.writeInt(0); // and password
    d.writeLong(77);
    d.writeLong(1);
    d.writeLong(0);
    d.writeLong(0);
    d.writeLong(10);
    d.writeInt(Integer.MAX_VALUE);
    OpResponse r = sendRaw(b.toByteArray(), true);
    assertEquals(Status.ERROR_INVALID, r.getStatus());
    assertStillServes();
  }

  @Test
  void truncatedAndRandomGarbageDoNotHurtTheServer() throws IOException {
    sendRaw(new byte[] {0, 1, 80, 0, 0}, false);
    Random rnd = new Random(5);
    for (int i = 0; i < 20; i++) {
      byte[] junk = new byte[rnd.nextInt(200) + 1];
      rnd.nextBytes(junk);
      try {
        sendRaw(junk, false);
      } catch (IOException expectedSometimes) {
        // the server may reset the connection; that is fine
      }
    }
    assertStillServes();
  }

  @Test
  void malformedPacketMidWriteLeavesServerServing() throws IOException {
    try (BlockClient c = new BlockClient(id)) {
      assertTrue(c.openWrite(new Block(78, 1, 0), List.of(),
          io.quire.protocol.datatransfer.BlockConstructionStage.CREATE, 1).isSuccess());
      c.out.writeLong(0);
      c.out.writeLong(0);
      c.out.writeByte(0);
      c.out.writeInt(100);
      c.out.writeInt(999);
      c.out.flush();
    }
    assertStillServes();
  }
}
