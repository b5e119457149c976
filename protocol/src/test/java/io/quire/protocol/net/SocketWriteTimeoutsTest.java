package io.quire.protocol.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Writes to a peer that stops reading fail after the timeout; writes to a reader do not. */
@Timeout(120)
class SocketWriteTimeoutsTest {
  private static final Duration BOUND = Duration.ofSeconds(20);

  /** A connected pair with small buffers; the server side is returned second. */
  private static Socket[] pair(ServerSocket server, Socket client) throws IOException {
    client.setSendBufferSize(8192);
    client.connect(server.getLocalSocketAddress());
    Socket accepted = server.accept();
    return new Socket[] {client, accepted};
  }

  private static ServerSocket server() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReceiveBufferSize(4096);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return s;
  }

  @Test
  void writeToAPeerThatNeverReadsTimesOut() throws Exception {
    try (ServerSocket server = server(); Socket client = new Socket()) {
      Socket[] p = pair(server, client);
      try (Socket silent = p[1]) {
        TimedSocketOutput out = SocketWriteTimeouts.shared().output(client, 300);
        SocketTimeoutException e = assertTimeoutPreemptively(BOUND, () ->
            assertThrows(SocketTimeoutException.class, () -> {
              for (int i = 0; i < 1000; i++) {
                out.write(new byte[64 * 1024]);
              }
            }));
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        assertThrows(SocketTimeoutException.class, () -> out.write(1), "the connection is over");
      }
    }
  }

  @Test
  void writesToAReaderCompleteWhateverTheirTotalLength() throws Exception {
    try (ServerSocket server = server(); Socket client = new Socket()) {
      Socket[] p = pair(server, client);
      byte[] data = new byte[8 << 20];
      new Random(1).nextBytes(data);
      CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
        try (Socket s = p[1]; InputStream in = s.getInputStream()) {
          ByteArrayOutputStream all = new ByteArrayOutputStream();
          in.transferTo(all);
          return all.toByteArray();
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      TimedSocketOutput out = SocketWriteTimeouts.shared().output(client, 300);
      for (int off = 0; off < data.length; off += 1 << 20) {
        out.write(data, off, 1 << 20);
      }
      client.shutdownOutput();
      assertArrayEquals(data, read.get());
    }
  }

  @Test
  void zeroCopyTransferToAPeerThatNeverReadsTimesOut(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("timed-transfer.bin"); // 16 MiB, deleted after the test
    try (ServerSocketChannel ssc = ServerSocketChannel.open()) {
      Files.write(file, new byte[16 << 20]);
      ssc.socket().setReceiveBufferSize(4096);
      ssc.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try (SocketChannel ch = SocketChannel.open(ssc.getLocalAddress());
           SocketChannel silent = ssc.accept();
           FileChannel f = FileChannel.open(file, StandardOpenOption.READ)) {
        ch.socket().setSendBufferSize(8192);
        TimedSocketOutput out = SocketWriteTimeouts.shared().output(ch.socket(), 300);
        assertTimeoutPreemptively(BOUND, () -> assertThrows(SocketTimeoutException.class,
            () -> out.transferFrom(f, 0, f.size())));
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
