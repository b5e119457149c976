package io.quire.protocol.datatransfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.token.Token;
import org.junit.jupiter.api.Test;

/** Golden bytes of requests carrying a block access token (data-transfer version 2). */
class TokenFrameTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Token<BlockTokenIdentifier> TOKEN = new Token<>(
      HEX.parseHex("0a0b0c"), HEX.parseHex("ffee"), BlockTokenIdentifier.KIND, new Text());

  /** READ_BLOCK of blk_7_3 (10 bytes) [512+100] by "c" with token id 0a0b0c, password ffee. */
  private static final String READ = "0002" + "51" + "00000003" + "0a0b0c" + "00000002" + "ffee"
      + "0000000000000007" + "0000000000000003" + "000000000000000a"
      + "0000000000000200" + "0000000000000064" + "00000001" + "63";
  /** VISIBLE_LENGTH of blk_7_3 without a token: both lengths 0. */
  private static final String NO_TOKEN = "0002" + "56" + "00000000" + "00000000"
      + "0000000000000007" + "0000000000000003" + "000000000000000a"
      + "0000000000000000" + "0000000000000000";

  private static byte[] bytes(IoWriter w) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    w.write(new DataOutputStream(b));
    return b.toByteArray();
  }

  private interface IoWriter {
    void write(DataOutputStream out) throws IOException;
  }

  private static DataInputStream afterHeader(byte[] b, Op expected) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
    assertEquals(expected, WireIO.readOpHeader(in));
    return in;
  }

  @Test
  void readBlockGoldenBytes() throws IOException {
    Block b = new Block(7, 3, 10);
    byte[] enc = bytes(new ReadBlockRequest(b, 512, 100, "c", TOKEN)::write);
    assertEquals(READ, HEX.formatHex(enc));
    ReadBlockRequest r = ReadBlockRequest.read(afterHeader(enc, Op.READ_BLOCK));
    assertArrayEquals(TOKEN.getIdentifier(), r.getToken().getIdentifier());
    assertArrayEquals(TOKEN.getPassword(), r.getToken().getPassword());
    assertEquals(512, r.getOffset());
    assertEquals(BlockAccessMode.READ, r.accessMode());
  }

  @Test
  void noTokenIsTwoEmptyParts() throws IOException {
    byte[] enc = bytes(new BlockOpRequest(Op.VISIBLE_LENGTH, new Block(7, 3, 10), 0, 0)::write);
    assertEquals(NO_TOKEN, HEX.formatHex(enc));
    BlockOpRequest r = BlockOpRequest.read(Op.VISIBLE_LENGTH, afterHeader(enc, Op.VISIBLE_LENGTH));
    assertEquals(0, r.getToken().getIdentifier().length);
  }

  /** RECOVERY_COPY (copy on truncate) is the only block op with the new block id after the body. */
  @Test
  void recoveryCopyCarriesTheNewBlockId() throws IOException {
    byte[] copy = bytes(new BlockOpRequest(Op.RECOVERY_COPY, new Block(7, 3, 10), 9, 5, 77,
        null)::write);
    byte[] update = bytes(new BlockOpRequest(Op.RECOVERY_UPDATE, new Block(7, 3, 10), 9, 5, 77,
        null)::write);
    assertEquals(update.length + 8, copy.length);
    BlockOpRequest r = BlockOpRequest.read(Op.RECOVERY_COPY, afterHeader(copy, Op.RECOVERY_COPY));
    assertEquals(77, r.getNewBlockId());
    assertEquals(9, r.getNewGenerationStamp());
    assertEquals(5, r.getNewLength());
    assertEquals(0, BlockOpRequest.read(Op.RECOVERY_UPDATE,
        afterHeader(update, Op.RECOVERY_UPDATE)).getNewBlockId());
    assertEquals(BlockAccessMode.REPLACE, BlockOpRequest.accessMode(Op.RECOVERY_COPY));
    assertEquals(Op.RECOVERY_COPY, Op.fromCode((byte) 92));
  }

  @Test
  void writeRequestForwardsItsTokenAndNamesItsMode() throws IOException {
    WriteBlockRequest w = new WriteBlockRequest(new Block(1, 1, 0), "c",
        List.of(new DataNodeId("u1", "h1", 1), new DataNodeId("u2", "h2", 2)),
        BlockConstructionStage.CREATE, 1, TOKEN);
    WriteBlockRequest next = WriteBlockRequest.read(
        afterHeader(bytes(w.forNextNode()::write), Op.WRITE_BLOCK));
    assertArrayEquals(TOKEN.getPassword(), next.getToken().getPassword());
    assertEquals(BlockAccessMode.WRITE, next.accessMode());
    assertEquals(BlockAccessMode.COPY, new WriteBlockRequest(new Block(1, 1, 0), "c", List.of(),
        BlockConstructionStage.TRANSFER, 1).accessMode());
    assertEquals(BlockAccessMode.REPLACE, BlockOpRequest.accessMode(Op.RECOVERY_UPDATE));
    assertEquals(EnumSet.of(BlockAccessMode.READ),
        EnumSet.of(BlockOpRequest.accessMode(Op.BLOCK_CHECKSUM)));
  }

  @Test
  void oversizedTokenIsMalformed() {
    byte[] bad = HEX.parseHex("00001001");
    assertThrows(MalformedFrameException.class,
        () -> WireIO.readToken(new DataInputStream(new ByteArrayInputStream(bad))));
  }

  @Test
  void errorAccessTokenIsTheLastStatus() throws IOException {
    assertEquals(7, Status.ERROR_ACCESS_TOKEN.ordinal());
    assertEquals(Status.ERROR_ACCESS_TOKEN, Status.fromOrdinal(7));
  }
}
