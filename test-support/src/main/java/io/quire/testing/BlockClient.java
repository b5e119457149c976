package io.quire.testing;

import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.BlockOpRequest;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.ReadBlockRequest;
import io.quire.protocol.datatransfer.WriteBlockRequest;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.security.token.Token;

/**
 * The data-transfer client of the tests: one connection to a DataNode, speaking through the
 * protocol module's frames ({@link WriteBlockRequest}, {@link Packet},
 * {@link PipelineAck}, ...) and {@link DataPackets}. {@link #in} and {@link #out} are open for
 * tests that write malformed frames by hand.
 */
public final class BlockClient implements AutoCloseable {
  /** The client name sent in requests. */
  public static final String CLIENT_NAME = "test-client";

  private final Socket socket;
  public final DataInputStream in;
  public final DataOutputStream out;
  private long seqno;

  /** Connects to {@code target}'s data port (30 s read timeout). */
  public BlockClient(DataNodeId target) throws IOException {
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
  public OpResponse openWrite(Block b, List<DataNodeId> downstream,
      BlockConstructionStage stage, long newGs) throws IOException {
    return openWrite(b, downstream, stage, newGs, null);
  }

  /** Sends a WRITE_BLOCK request carrying {@code token} and returns the OpResponse. */
  public OpResponse openWrite(Block b, List<DataNodeId> downstream,
      BlockConstructionStage stage, long newGs, Token<BlockTokenIdentifier> token)
      throws IOException {
    new WriteBlockRequest(b, CLIENT_NAME, downstream, stage, newGs, token).write(out);
    out.flush();
    return OpResponse.read(in);
  }

  /** Sends {@code data[from, from + len)} at block offset {@code blockOffset} as one packet. */
  public long sendPacket(long blockOffset, byte[] data, int from, int len, boolean sync)
      throws IOException {
    long s = seqno++;
    DataPackets.data(blockOffset, s, data, from, len, sync).write(out);
    out.flush();
    return s;
  }

  /** Sends a raw packet with the given checksums (to inject corruption). */
  public long sendRawPacket(long blockOffset, byte[] data, byte[] checksums) throws IOException {
    long s = seqno++;
    new Packet(blockOffset, s, false, false, checksums, data,
        data.length).write(out);
    out.flush();
    return s;
  }

  /** Sends the empty last packet. */
  public long sendLast(long blockOffset) throws IOException {
    long s = seqno++;
    DataPackets.last(blockOffset, s).write(out);
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
  public static List<PipelineAck> writeBlock(List<DataNodeId> pipeline, Block b, byte[] data)
      throws IOException {
    try (BlockClient c = new BlockClient(pipeline.get(0))) {
      OpResponse r = c.openWrite(b, pipeline.subList(1, pipeline.size()),
          BlockConstructionStage.CREATE, b.getGenerationStamp());
      if (!r.isSuccess()) {
        throw new IOException("write of " + b + " refused: " + r);
      }
      return c.writeAll(0, data, 64 * 1024);
    }
  }

  /** Result of a read: the response and the bytes of the requested range (null unless SUCCESS). */
  public record ReadResult(OpResponse response, byte[] data) {}

  /** Reads [offset, offset+len) of {@code b} from {@code dn}, verifying every packet's CRCs. */
  public static ReadResult read(DataNodeId dn, Block b, long offset, long len)
      throws IOException {
    return read(dn, b, offset, len, null);
  }

  /** As {@link #read(DataNodeId, Block, long, long)}, sending {@code token}. */
  public static ReadResult read(DataNodeId dn, Block b, long offset, long len,
      Token<BlockTokenIdentifier> token) throws IOException {
    try (BlockClient c = new BlockClient(dn)) {
      new ReadBlockRequest(b, offset, len, CLIENT_NAME, token).write(c.out);
      c.out.flush();
      OpResponse r = OpResponse.read(c.in);
      if (!r.isSuccess()) {
        return new ReadResult(r, null);
      }
      byte[] got = DataPackets.readStream(c.in, r.getChunkOffset(), true,
          "blk_" + b.getBlockId());
      int skip = (int) (offset - r.getChunkOffset());
      int n = (int) Math.min(len, r.getLength() - offset);
      byte[] range = new byte[n];
      System.arraycopy(got, skip, range, 0, n);
      return new ReadResult(r, range);
    }
  }

  /** Sends one small block op and returns the answer. */
  public static OpResponse blockOp(DataNodeId dn, Op op, Block b, long newGs, long newLen)
      throws IOException {
    return blockOp(dn, op, b, newGs, newLen, null);
  }

  /** Sends one small block op carrying {@code token} and returns the answer. */
  public static OpResponse blockOp(DataNodeId dn, Op op, Block b, long newGs, long newLen,
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
