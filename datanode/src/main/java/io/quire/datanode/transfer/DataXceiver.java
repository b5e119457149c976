package io.quire.datanode.transfer;

import io.quire.protocol.datatransfer.BlockOpRequest;
import io.quire.protocol.datatransfer.DataTransferProtocol;
import io.quire.protocol.datatransfer.MalformedFrameException;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.ReadBlockRequest;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.datatransfer.WireIO;
import io.quire.protocol.datatransfer.WriteBlockRequest;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one data-transfer connection: reads the op header and request, dispatches to the
 * op's handler. A malformed or truncated request gets an ERROR_INVALID response where one can
 * still be sent and one WARN line; nothing escapes to the server.
 */
final class DataXceiver implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DataXceiver.class);

  private static final int DRAIN_MS = 1000;
  private static final long DRAIN_BYTES = 1 << 20;

  private final TransferContext ctx;
  private final Socket socket;

  DataXceiver(TransferContext ctx, Socket socket) {
    this.ctx = ctx;
    this.socket = socket;
  }

  @Override public void run() {
    ctx.activeTransfersCounter().incrementAndGet();
    String peer = String.valueOf(socket.getRemoteSocketAddress());
    try (Socket s = socket) {
      serve(s, peer);
    } catch (IOException e) {
      LOG.warn("Data transfer from {}: closing failed: {}", peer, e.toString());
    } finally {
      ctx.activeTransfersCounter().decrementAndGet();
    }
  }

  /** Reads and dispatches the request; errors are answered while the socket is still open. */
  private void serve(Socket s, String peer) {
    DataOutputStream out = null;
    try {
      TransferSockets.configure(s, ctx.getOptions());
      DataInputStream in = TransferSockets.in(s);
      out = TransferSockets.out(s);
      Op op = readOpHeader(in);
      if (op == null) {
        LOG.debug("Data transfer from {}: closed without a request", peer);
        return;
      }
      switch (op) {
        case WRITE_BLOCK:
          new BlockReceiver(ctx, s, in, out, WriteBlockRequest.read(in)).receive();
          break;
        case READ_BLOCK:
          new ReadBlockHandler(ctx).handle(ReadBlockRequest.read(in), out, s.getChannel());
          break;
        default:
          new BlockOpHandler(ctx).handle(BlockOpRequest.read(op, in), out);
          break;
      }
    } catch (MalformedFrameException e) {
      LOG.warn("Data transfer from {}: malformed request: {}", peer, e.getMessage());
      trySend(out, OpResponse.error(Status.ERROR_INVALID, "malformed request: "
          + e.getMessage()));
      drainBeforeClose(s);
    } catch (EOFException e) {
      LOG.warn("Data transfer from {}: connection closed mid-request", peer);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Data transfer from {} failed: {}", peer, e.toString());
    }
  }

  /** The op header as {@link WireIO#readOpHeader}, or null if the peer sent nothing at all. */
  private static Op readOpHeader(DataInputStream in) throws IOException {
    int hi = in.read();
    if (hi < 0) {
      return null;
    }
    short v = (short) ((hi << 8) | in.readUnsignedByte());
    if (v != DataTransferProtocol.VERSION) {
      throw new MalformedFrameException("data-transfer version " + v + " not supported (want "
          + DataTransferProtocol.VERSION + ")");
    }
    return Op.fromCode(in.readByte());
  }

  /**
   * Half-closes and discards what the peer still sends (bounded in bytes and time), so closing
   * with unread input does not reset the connection before the peer read the error.
   */
  private static void drainBeforeClose(Socket s) {
    try {
      s.shutdownOutput();
      s.setSoTimeout(DRAIN_MS);
      byte[] sink = new byte[8192];
      long left = DRAIN_BYTES;
      int n;
      while (left > 0 && (n = s.getInputStream().read(sink)) >= 0) {
        left -= n;
      }
    } catch (IOException ignored) {
      // the peer is gone or too slow; close anyway
    }
  }

  private static void trySend(DataOutputStream out, OpResponse r) {
    if (out == null) {
      return;
    }
    try {
      r.write(out);
      out.flush();
    } catch (IOException ignored) {
      // the peer is gone; nothing more to tell it
    }
  }
}
