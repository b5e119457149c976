package io.quire.datanode.transfer;

import io.quire.datanode.storage.BlockMetaFile;
import io.quire.protocol.datatransfer.PacketHeader;
import io.quire.protocol.net.TimedSocketOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;

/**
 * Streams a range of a replica as packets with the CRCs stored in its meta file (the receiver
 * verifies), the data zero-copy from the block file when the connection has a channel.
 * Packets carry up to {@link #packetData} bytes of whole chunks: {@link #READ_PACKET_DATA}
 * for a zero-copy READ_BLOCK, {@link #PACKET_DATA} otherwise; the CRC of a final partial
 * chunk is computed from the data, because the stored one may cover bytes written after the
 * visible end. The stream ends with an empty packet flagged lastPacketInBlock. The packet
 * buffer comes from the DataNode's budget (see {@link #bufferBytes}). Failures to send (the
 * peer closed, reset or stopped reading) are {@link SocketException}s or
 * {@link SocketTimeoutException}s, failures to read the replica other IOExceptions.
 */
final class BlockSender {
  /**
   * Data bytes of a packet copied through the packet buffer, and of every packet sent to
   * another DataNode (its receiver holds whole packets in its buffer budget): HDFS's 64 KiB.
   */
  static final int PACKET_DATA = 64 * 1024;
  /**
   * Data bytes of a zero-copy READ_BLOCK packet. Only its header and 4 KiB of CRCs pass
   * through the packet buffer, the data goes by sendfile; the client verifies a packet before
   * handing out any of its bytes and keeps at most one packet in its buffer. 512 KiB instead of
   * 64 KiB cuts the per-packet work (two syscalls and a small TCP segment on the DataNode, a
   * header, CRC read and verify call on the client) eightfold: 17% less CPU per byte read over
   * loopback, client and DataNode together (docs/BENCHMARKS.md, "Read path").
   */
  static final int READ_PACKET_DATA = 512 * 1024;
  private static final int BPC = BlockMetaFile.BYTES_PER_CHECKSUM;

  private final ReplicaInput input;
  private final HeapPacketBuffer packet;
  private final int packetData;

  /**
   * Sends from {@code input} framing packets of up to {@code packetData} data bytes (a
   * multiple of 512) in {@code packet} (the caller closes it).
   */
  BlockSender(ReplicaInput input, HeapPacketBuffer packet, int packetData) {
    if (packetData <= 0 || packetData % BPC != 0) {
      throw new IllegalArgumentException("packet data size " + packetData
          + " is not a positive multiple of " + BPC);
    }
    this.input = input;
    this.packet = packet;
    this.packetData = packetData;
  }

  /** Data bytes per packet of a READ_BLOCK answer, zero-copy or not. */
  static int readPacketData(boolean zeroCopy) {
    return zeroCopy ? READ_PACKET_DATA : PACKET_DATA;
  }

  /**
   * Bytes of packet buffer a send of {@code packetData}-byte packets needs: header and
   * checksums of a full packet, plus its data unless the data goes zero-copy. Reserving them
   * before answering an op lets a busy DataNode refuse it cleanly.
   */
  static int bufferBytes(boolean zeroCopy, int packetData) {
    int headerAndSums = PacketHeader.SIZE + PacketHeader.checksumLenFor(packetData);
    return zeroCopy ? headerAndSums : headerAndSums + packetData;
  }

  /**
   * Sends [from, to) as packets numbered from seqno 0, then the last (empty) packet;
   * {@code from} must be chunk-aligned and {@code to} at most the visible length. Returns the
   * seqno of the last packet. Flushes.
   *
   * @param zeroCopy the timed stream under {@code out} to send packet data with
   *     {@link TimedSocketOutput#transferFrom} (no copy through user space), or null to
   *     copy it through {@code out}
   */
  long sendPackets(DataOutputStream out, TimedSocketOutput zeroCopy, long from, long to)
      throws IOException {
    long seqno = 0;
    long pos = from;
    while (pos < to) {
      int n = (int) Math.min(packetData, to - pos);
      PacketHeader h = new PacketHeader(pos, seqno++, false, false, n);
      if (zeroCopy != null) {
        packet.prepareHeaderAndChecksums(h);
      } else {
        packet.prepare(h);
      }
      byte[] buf = packet.array();
      input.readChecksums(pos, n, buf, packet.checksumOffset());
      int partial = n % BPC;
      if (partial != 0) {
        int crc = input.computeCrc(pos + n - partial, partial);
        packet.checksums().putInt(packet.getChecksumLen() - 4, crc);
      }
      if (zeroCopy != null) {
        toPeer(() -> {
          packet.writeHeaderAndChecksumsTo(out);
          out.flush();
        });
        transferData(pos, n, zeroCopy);
      } else {
        input.readData(pos, buf, packet.dataOffset(), n);
        toPeer(() -> packet.writeTo(out));
      }
      pos += n;
    }
    packet.prepare(new PacketHeader(to, seqno, true, false, 0));
    toPeer(() -> {
      packet.writeTo(out);
      out.flush();
    });
    return seqno;
  }

  /** A send to the peer. */
  private interface Send {
    void run() throws IOException;
  }

  /**
   * Runs {@code send}; its failures are the peer's (closed, reset, gone), so they surface as
   * a {@link SocketException} (a write timeout stays a {@link SocketTimeoutException}): NIO
   * channels report a reset as a plain IOException.
   */
  private static void toPeer(Send send) throws IOException {
    try {
      send.run();
    } catch (SocketException | SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      throw peerGone(e);
    }
  }

  /**
   * Sends block bytes zero-copy. transferTo fails for the file or for the socket; only the
   * socket's errors (reset, broken pipe, closed) are turned into a {@link SocketException}.
   */
  private void transferData(long pos, int n, TimedSocketOutput zeroCopy) throws IOException {
    try {
      input.transferData(pos, n, zeroCopy);
    } catch (SocketException | SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      String m = String.valueOf(e.getMessage());
      if (e instanceof ClosedChannelException || m.startsWith("Broken pipe")
          || m.startsWith("Connection reset")) {
        throw peerGone(e);
      }
      throw e;
    }
  }

  private static SocketException peerGone(IOException e) {
    SocketException s = new SocketException("sending to the peer failed: " + e);
    s.initCause(e);
    return s;
  }

  /** {@code off} rounded down to a chunk boundary. */
  static long chunkStart(long off) {
    return off - off % BPC;
  }

  /** {@code end} rounded up to a chunk boundary, but not past {@code limit}. */
  static long chunkEnd(long end, long limit) {
    long up = (end + BPC - 1) / BPC * BPC;
    return Math.min(up, limit);
  }
}
