package io.quire.datanode.transfer;

import io.quire.datanode.conf.DataNodeOptions;
import io.quire.protocol.datatransfer.BlockOpRequest;
import io.quire.protocol.datatransfer.DataTransferProtocol;
import io.quire.protocol.datatransfer.MalformedFrameException;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.ReadBlockRequest;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.datatransfer.WireIO;
import io.quire.protocol.datatransfer.WriteBlockRequest;
import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.security.InvalidBlockTokenException;
import io.quire.protocol.types.Block;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import org.apache.hadoop.security.token.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one data-transfer connection: reads the op header and request, dispatches to the
 * op's handler. A read fails after {@code quire.datanode.socket.timeout.ms} without data, a
 * write that has not completed after {@code quire.datanode.socket.write-timeout.ms} (so a
 * reader that stops reading frees this thread then). A malformed or truncated request gets an
 * ERROR_INVALID response where one can still be sent, within the refusal deadline, and one
 * WARN line; nothing escapes to the server. A request whose block access token does not allow
 * the op on its block is answered ERROR_ACCESS_TOKEN (one WARN line naming op, block and
 * reason, never a secret) and closed before the dataset is touched.
 */
final class DataXceiver implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DataXceiver.class);

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
    try {
      DataNodeOptions o = ctx.getOptions();
      TransferSockets.configure(s, o);
      TransferStreams io = TransferSockets.streams(s, o.writeTimeoutMs(0));
      DataInputStream in = io.in();
      DataOutputStream out = io.out();
      Op op = readOpHeader(in);
      if (op == null) {
        LOG.debug("Data transfer from {}: closed without a request", peer);
        return;
      }
      switch (op) {
        case WRITE_BLOCK: {
          WriteBlockRequest w = WriteBlockRequest.read(in);
          checkToken(w.getToken(), w.getBlock(), w.accessMode(), op + " " + w.getStage());
          new BlockReceiver(ctx, s, io, w).receive();
          break;
        }
        case READ_BLOCK: {
          ReadBlockRequest r = ReadBlockRequest.read(in);
          checkToken(r.getToken(), r.getBlock(), r.accessMode(), op.toString());
          // zero-copy needs the socket's channel (sockets from the server socket channel)
          new ReadBlockHandler(ctx).handle(r, out, s.getChannel() == null ? null : io.rawOut());
          break;
        }
        default: {
          BlockOpRequest b = BlockOpRequest.read(op, in);
          checkToken(b.getToken(), b.getBlock(), b.accessMode(), op.toString());
          new BlockOpHandler(ctx).handle(b, out);
          break;
        }
      }
    } catch (InvalidBlockTokenException e) {
      LOG.warn("Data transfer from {}: {}", peer, e.getMessage());
      refuse(s, OpResponse.error(Status.ERROR_ACCESS_TOKEN, e.getMessage()));
    } catch (MalformedFrameException e) {
      LOG.warn("Data transfer from {}: malformed request: {}", peer, e.getMessage());
      refuse(s, OpResponse.error(Status.ERROR_INVALID, "malformed request: " + e.getMessage()));
    } catch (EOFException e) {
      LOG.warn("Data transfer from {}: connection closed mid-request", peer);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Data transfer from {} failed: {}", peer, e.toString());
    }
  }

  /** Before anything is touched: the request's token must allow {@code mode} on its block. */
  private void checkToken(Token<BlockTokenIdentifier> token, Block b, BlockAccessMode mode,
      String op) throws InvalidBlockTokenException {
    ctx.getTokens().check(token, b.getBlockId(), mode, op + " " + b.getName());
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
   * Answers {@code r} and closes within the refusal deadline ({@link TransferSockets#refuse}),
   * however slowly the peer reads or keeps sending.
   */
  private static void refuse(Socket s, OpResponse r) {
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      r.write(new DataOutputStream(b));
      TransferSockets.refuse(s, b.toByteArray());
    } catch (IOException ignored) {
      // the peer is gone or too slow; close anyway
    }
  }
}
