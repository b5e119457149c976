package io.quire.datanode.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.testing.PacketFrames;
import io.quire.protocol.datatransfer.DataTransferProtocol;
import io.quire.protocol.datatransfer.PacketHeader;
import io.quire.protocol.net.SocketWriteTimeouts;
import io.quire.protocol.net.TimedChannelInput;
import io.quire.protocol.net.TimedSocketOutput;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The receiver's direct packet buffer over real loopback sockets: frames split across reads and
 * writes, bytes already buffered with the request, packets larger than 64 KiB, partial chunks,
 * the forwarded frame byte for byte, and a sender that stalls mid-packet.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DirectPacketBufferTest {
  private static final int MAX = DataTransferProtocol.MAX_PACKET_DATA;
  private ServerSocketChannel server;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach void listen() throws IOException {
    server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach void close() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    server.close();
  }

  /** A connected pair: [0] the sending end (plain stream use), [1] the accepted end. */
  private Socket[] pair() throws IOException {
    Socket client = SocketChannel.open(server.getLocalAddress()).socket();
    Socket accepted = server.accept().socket();
    sockets.add(client);
    sockets.add(accepted);
    return new Socket[] {client, accepted};
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  /** Sends {@code wire} from another thread in pieces of {@code piece} bytes, flushing each. */
  private static CompletableFuture<Void> send(Socket s, byte[] wire, int piece) {
    return CompletableFuture.runAsync(() -> {
      try {
        OutputStream o = s.getOutputStream();
        for (int at = 0; at < wire.length; at += piece) {
          o.write(wire, at, Math.min(piece, wire.length - at));
          o.flush();
        }
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
  }

  /**
   * Receives {@code sizes.length} packets sent as {@code request} followed by their frames in
   * pieces of {@code piece} bytes, the request read through the buffered stream first; checks
   * every field and slice, and that the frames forwarded downstream equal the wire bytes.
   */
  private void roundTrip(int[] sizes, int piece, byte[] request) throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    List<byte[]> frames = new ArrayList<>();
    long off = 0;
    for (int i = 0; i < sizes.length; i++) {
      byte[] f = PacketFrames.frame(off, i, sizes[i], i, sizes[i] == 0);
      frames.add(f);
      wire.write(f);
      off += sizes[i];
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(request);
    all.write(wire.toByteArray());
    Socket[] up = pair();
    Socket[] down = pair();
    CompletableFuture<Void> sent = send(up[0], all.toByteArray(), piece);
    CompletableFuture<byte[]> forwarded = CompletableFuture.supplyAsync(() -> {
      try {
        return down[1].getInputStream().readNBytes(wire.size());
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    TransferInput buffered = new TransferInput(up[1].getInputStream(), 8192);
    DataInputStream in = new DataInputStream(buffered);
    byte[] req = new byte[request.length];
    in.readFully(req);
    assertArrayEquals(request, req);
    TimedChannelInput ch = SocketWriteTimeouts.shared().input(up[1], 30_000);
    TimedSocketOutput mirror = SocketWriteTimeouts.shared().output(down[0], 30_000);
    BufferBudget budget = new BufferBudget(64L << 20, 0);
    try (DirectPacketBuffer p = new DirectPacketBuffer(budget, MAX, "test", buffered, in, ch)) {
      off = 0;
      for (int i = 0; i < sizes.length; i++) {
        p.readBody(p.readHeader());
        assertEquals(i, p.getSeqno());
        assertEquals(off, p.getOffsetInBlock());
        assertEquals(sizes[i], p.getDataLen());
        assertEquals(i % 2 == 1, p.isSync());
        byte[] f = frames.get(i);
        int cs = PacketHeader.checksumLenFor(sizes[i]);
        assertArrayEquals(java.util.Arrays.copyOfRange(f, PacketHeader.SIZE,
            PacketHeader.SIZE + cs), bytes(p.checksums()), "checksums of packet " + i);
        assertArrayEquals(java.util.Arrays.copyOfRange(f, PacketHeader.SIZE + cs, f.length),
            bytes(p.data()), "data of packet " + i);
        p.writeTo(mirror);
        off += sizes[i];
      }
    }
    assertEquals(0, budget.getReservedBytes(), "close gives the buffer back");
    sent.get(30, TimeUnit.SECONDS);
    assertArrayEquals(wire.toByteArray(), forwarded.get(30, TimeUnit.SECONDS),
        "forwarded byte for byte");
  }

  @Test
  void packetsLargerThan64KiBAndPartialChunksInOneWrite() throws Exception {
    roundTrip(new int[] {65536, 1 << 20, 1000, 65537, 512, 4 << 20, 0}, Integer.MAX_VALUE,
        new byte[0]);
  }

  @Test
  void framesSplitAcrossManyReads() throws Exception {
    // pieces smaller than a header, and pieces that end mid-header, mid-checksums, mid-data
    roundTrip(new int[] {70_000, 513, 65536, 1}, 7, new byte[0]);
    roundTrip(new int[] {200_000, 100_000, 3}, 4097, new byte[0]);
  }

  @Test
  void bytesBufferedWithTheRequestAreTakenFirst() throws Exception {
    // the request and the start of the packets arrive in one segment: the stream buffers some
    // of the first frame (or several small frames whole) before the channel reads begin
    byte[] request = new byte[100];
    new Random(7).nextBytes(request);
    roundTrip(new int[] {10, 20, 30, 5000, 70_000, 0}, Integer.MAX_VALUE, request);
    roundTrip(new int[] {100_000, 1}, 3000, request);
  }

  @Test
  void aSenderStallingMidPacketTimesOut() throws Exception {
    Socket[] up = pair();
    byte[] f = PacketFrames.frame(0, 0, 65536, 1, false);
    up[0].getOutputStream().write(f, 0, f.length / 2);
    TransferInput buffered = new TransferInput(up[1].getInputStream(), 8192);
    DataInputStream in = new DataInputStream(buffered);
    TimedChannelInput ch = SocketWriteTimeouts.shared().input(up[1], 300);
    BufferBudget budget = new BufferBudget(64L << 20, 0);
    try (DirectPacketBuffer p = new DirectPacketBuffer(budget, MAX, "test", buffered, in, ch)) {
      PacketHeader h = p.readHeader();
      SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> p.readBody(h));
      assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
    }
  }

  @Test
  void aSenderClosingMidPacketIsEndOfFile() throws Exception {
    Socket[] up = pair();
    byte[] f = PacketFrames.frame(0, 0, 1000, 1, false);
    InputStream unused = up[1].getInputStream();
    up[0].getOutputStream().write(f, 0, f.length - 10);
    up[0].shutdownOutput();
    TransferInput buffered = new TransferInput(unused, 8192);
    DataInputStream in = new DataInputStream(buffered);
    TimedChannelInput ch = SocketWriteTimeouts.shared().input(up[1], 30_000);
    try (DirectPacketBuffer p = new DirectPacketBuffer(new BufferBudget(1 << 20, 0), MAX,
        "test", buffered, in, ch)) {
      PacketHeader h = p.readHeader();
      assertThrows(java.io.EOFException.class, () -> p.readBody(h));
    }
  }
}
