package io.quire.datanode.testutil;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.BlockOpRequest;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.ReadBlockRequest;
import io.quire.protocol.datatransfer.WriteBlockRequest;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DatanodeId;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import io.quire.protocol.security.BlockTokenIdentifier;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.util.DataChecksum;

/** A minimal data-transfer client for tests, built on the protocol classes only. */
public final class BlockClient implements AutoCloseable {
  private final Socket socket;
  public final DataInputStream in;
  public final DataOutputStream out;
  private final DataChecksum sum =
      DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, QuireConfigKeys.BYTES_PER_CHECKSUM);
  private long seqno;

  public BlockClient(DatanodeId target) throws IOException {
    socket = new Socket(target.getHost(), target.getDataPort());
    socket.setSoTimeout(30_000);
    socket.setTcpNoDelay(true);
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 65536));
    out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 65536));
  }

  /** Sets the read timeout of this client's socket (30 s by default). */
  public void setReadTimeout(int ms) throws IOException {
    socket.setSoTimeout(ms);
  }

  /** Sends a WRITE_BLOCK request and returns the OpResponse. */
  public OpResponse openWrite(Block b, List<DatanodeId> downstream,
      BlockConstructionStage stage, long newGs) throws IOException {
    return openWrite(b, downstream, stage, newGs, null);
  }

  /** Sends a WRITE_BLOCK request carrying {@code token} and returns the OpResponse. */
  public OpResponse openWrite(Block b, List<DatanodeId> downstream,
      BlockConstructionStage stage, long newGs, Token<BlockTokenIdentifier> token)
      throws IOException {
    new WriteBlockRequest(b, "test-client", downstream, stage, newGs, token).write(out);
    out.flush();
    return OpResponse.read(in);
  }

  /** Sends {@code data[from, to)} at block offset {@code blockOffset} as one packet. */
  public long sendPacket(long blockOffset, byte[] data, int from, int len, boolean sync)
      throws IOException {
    byte[] cs = new byte[Packet.checksumLenFor(len)];
    sum.calculateChunkedSums(data, from, len, cs, 0);
    byte[] d = new byte[len];
    System.arraycopy(data, from, d, 0, len);
    long s = seqno++;
    new Packet(blockOffset, s, false, sync, cs, d, len).write(out);
    out.flush();
    return s;
  }

  /** Sends a raw packet with the given checksums (to inject corruption). */
  public long sendRawPacket(long blockOffset, byte[] data, byte[] checksums) throws IOException {
    long s = seqno++;
    new Packet(blockOffset, s, false, false, checksums, data, data.length).write(out);
    out.flush();
    return s;
  }

  /** Sends the empty last packet. */
  public long sendLast(long blockOffset) throws IOException {
    long s = seqno++;
    new Packet(blockOffset, s, true, false, new byte[0], new byte[0], 0).write(out);
    out.flush();
    return s;
  }

  /** Streams {@code data} from {@code blockOffset} in packets, then the last one; returns acks. */
  public List<PipelineAck> writeAll(long blockOffset, byte[] data, int packetSize)
      throws IOException {
    for (int pos = 0; pos < data.length; pos += packetSize) {
      sendPacket(blockOffset + pos, data, pos, Math.min(packetSize, data.length - pos), false);
    }
    sendLast(blockOffset + data.length);
    List<PipelineAck> acks = new ArrayList<>();
    for (long i = 0; i < seqno; i++) {
      acks.add(PipelineAck.read(in));
    }
    return acks;
  }

  /** Writes a whole new block through {@code pipeline}; returns the acks. */
  public static List<PipelineAck> writeBlock(List<DatanodeId> pipeline, Block b, byte[] data)
      throws IOException {
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      OpResponse r = c.openWrite(b, pipeline.subList(1, pipeline.size()),
          BlockConstructionStage.CREATE, b.getGenerationStamp());
      if (!r.isSuccess()) {
        throw new IOException("write refused: " + r);
      }
      return c.writeAll(0, data, 64 * 1024);
    }
  }

  /** Result of a read: the response and the bytes of the requested range. */
  public record ReadResult(OpResponse response, byte[] data) {}

  /** Reads [offset, offset+len) of {@code b} from {@code dn}, verifying every packet's CRCs. */
  public static ReadResult read(DatanodeId dn, Block b, long offset, long len)
      throws IOException {
    return read(dn, b, offset, len, null);
  }

  /** As {@link #read(DatanodeId, Block, long, long)}, sending {@code token}. */
  public static ReadResult read(DatanodeId dn, Block b, long offset, long len,
      Token<BlockTokenIdentifier> token) throws IOException {
    try (BlockClient c = new BlockClient(dn)) {
      new ReadBlockRequest(b, offset, len, "test-client", token).write(c.out);
      c.out.flush();
      OpResponse r = OpResponse.read(c.in);
      if (!r.isSuccess()) {
        return new ReadResult(r, null);
      }
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      long expect = r.getChunkOffset();
      while (true) {
        Packet p = Packet.read(c.in);
        if (p.getOffsetInBlock() != expect) {
          throw new IOException("packet at " + p.getOffsetInBlock() + ", expected " + expect);
        }
        if (p.getDataLen() > 0) {
          c.sum.verifyChunkedSums(ByteBuffer.wrap(p.getData(), 0, p.getDataLen()),
              ByteBuffer.wrap(p.getChecksums()), "blk_" + b.getBlockId(), expect);
        }
        all.write(p.getData(), 0, p.getDataLen());
        expect += p.getDataLen();
        if (p.isLastPacketInBlock()) {
          break;
        }
      }
      byte[] got = all.toByteArray();
      int skip = (int) (offset - r.getChunkOffset());
      int n = (int) Math.min(len, r.getLength() - offset);
      byte[] range = new byte[n];
      System.arraycopy(got, skip, range, 0, n);
      return new ReadResult(r, range);
    }
  }

  /** Sends one small block op and returns the answer. */
  public static OpResponse blockOp(DatanodeId dn, Op op, Block b, long newGs, long newLen)
      throws IOException {
    return blockOp(dn, op, b, newGs, newLen, null);
  }

  /** Sends one small block op carrying {@code token} and returns the answer. */
  public static OpResponse blockOp(DatanodeId dn, Op op, Block b, long newGs, long newLen,
      Token<BlockTokenIdentifier> token) throws IOException {
    try (BlockClient c = new BlockClient(dn)) {
      new BlockOpRequest(op, b, newGs, newLen, token).write(c.out);
      c.out.flush();
      return OpResponse.read(c.in);
    }
  }

  @Override public void close() throws IOException {
    socket.close();
  }
}
