package io.quire.protocol.datatransfer;

import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.token.Token;

/**
 * Encodings shared by the data-transfer frames.
 * <ul>
 *   <li>string: {@code int n (0..MAX_STRING), n bytes UTF-8}</li>
 *   <li>block: {@code long id, long generationStamp, long numBytes}</li>
 *   <li>datanode: {@code string uuid, string host, int dataPort}</li>
 *   <li>datanode list: {@code int n (0..MAX_TARGETS), n datanodes}</li>
 *   <li>token (a block access token): {@code int i (0..MAX_TOKEN_PART), i bytes identifier
 *   (BlockTokenIdentifier encoding), int p (0..MAX_TOKEN_PART), p bytes password (HMAC)};
 *   {@code i = p = 0} is no token. The token's kind and service are not sent.</li>
 * </ul>
 */
public final class WireIO {
  private WireIO() {}

  public static void writeString(DataOutput out, String s) throws IOException {
    byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static String readString(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > DataTransferProtocol.MAX_STRING) {
      throw new MalformedFrameException("string length " + n + " out of range");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  public static void writeBlock(DataOutput out, Block b) throws IOException {
    out.writeLong(b.getBlockId());
    out.writeLong(b.getGenerationStamp());
    out.writeLong(b.getNumBytes());
  }

  public static Block readBlock(DataInput in) throws IOException {
    long id = in.readLong();
    long gs = in.readLong();
    long n = in.readLong();
    if (n < 0) {
      throw new MalformedFrameException("negative block length " + n + " for blk_" + id);
    }
    return new Block(id, gs, n);
  }

  public static void writeDataNode(DataOutput out, DataNodeId d) throws IOException {
    writeString(out, d.getUuid());
    writeString(out, d.getHost());
    out.writeInt(d.getDataPort());
  }

  public static DataNodeId readDataNode(DataInput in) throws IOException {
    String uuid = readString(in);
    String host = readString(in);
    int port = in.readInt();
    if (port <= 0 || port > 65535) {
      throw new MalformedFrameException("bad port " + port);
    }
    return new DataNodeId(uuid, host, port);
  }

  public static void writeDataNodes(DataOutput out, List<? extends DataNodeId> ds)
      throws IOException {
    out.writeInt(ds.size());
    for (DataNodeId d : ds) {
      writeDataNode(out, d);
    }
  }

  public static List<DataNodeId> readDataNodes(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > DataTransferProtocol.MAX_TARGETS) {
      throw new MalformedFrameException("target count " + n + " out of range");
    }
    List<DataNodeId> ds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ds.add(readDataNode(in));
    }
    return ds;
  }

  /** Writes a block access token (null: none). */
  public static void writeToken(DataOutput out, Token<BlockTokenIdentifier> t)
      throws IOException {
    writeBytes(out, t == null ? new byte[0] : t.getIdentifier());
    writeBytes(out, t == null ? new byte[0] : t.getPassword());
  }

  /** Reads a block access token (empty identifier and password when none was sent). */
  public static Token<BlockTokenIdentifier> readToken(DataInput in) throws IOException {
    byte[] id = readBytes(in, "token identifier");
    byte[] pw = readBytes(in, "token password");
    return new Token<>(id, pw, BlockTokenIdentifier.KIND, new Text());
  }

  private static void writeBytes(DataOutput out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInput in, String what) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > DataTransferProtocol.MAX_TOKEN_PART) {
      throw new MalformedFrameException(what + " length " + n + " out of range");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  /** Writes the version and opcode that open every connection. */
  public static void writeOpHeader(DataOutput out, Op op) throws IOException {
    out.writeShort(DataTransferProtocol.VERSION);
    out.writeByte(op.code());
  }

  /** Reads and checks the version, returns the opcode. */
  public static Op readOpHeader(DataInput in) throws IOException {
    short v = in.readShort();
    if (v != DataTransferProtocol.VERSION) {
      throw new MalformedFrameException("data-transfer version " + v + " not supported (want "
          + DataTransferProtocol.VERSION + ")");
    }
    return Op.fromCode(in.readByte());
  }
}
