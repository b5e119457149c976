package io.quire.datanode.transfer;

import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.conf.DataNodeOptions;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.datanode.storage.BlockMetaFile;
import io.quire.datanode.storage.FsDataset;
import io.quire.datanode.storage.Replica;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.InvalidPacketHeaderException;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.PacketHeader;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.datatransfer.WriteBlockRequest;
import io.quire.protocol.net.SocketWriteTimeouts;
import io.quire.protocol.net.TimedChannelInput;
import io.quire.protocol.net.TimedSocketOutput;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.ChecksumException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one WRITE_BLOCK: takes the replica (CREATE: a new RBW replica, claimed in the replica
 * map first and its files created while the request travels on to the next node; TRANSFER: a
 * new RBW replica, or a temporary copy replacing a corrupt or stale finalized one, see
 * {@link TransferReplicaFactory}; RECOVER_APPEND: the existing one cut and re-stamped),
 * connects the next pipeline node, answers an {@link OpResponse}, then receives packets:
 * verify CRCs (the last node only, see {@link #mustVerify}), forward downstream, write, hand
 * to the {@link PacketResponder}. Forwarding
 * to a downstream node that stops reading fails after the write timeout plus one extension
 * per downstream node; the downstream is then dropped (its ack reads as ERROR, naming it to
 * the writer) and this node goes on writing locally, verifying every packet from then on; it
 * does not finalize a replica holding packets it stored unverified that the downstream never
 * acknowledged (see {@link #mustVerify}). A packet flagged syncBlock is forced to
 * disk before it is acked, and the first one also fsyncs the directory holding the replica's
 * files (as HDFS does), so an hsync'ed replica is still found after a crash (a RECOVER_APPEND
 * replica's durable move into rbw/ already did that). The last packet finalizes the replica.
 * With {@code quire.datanode.sync-on-close} (the default) block data, meta file and
 * the move into {@code finalized/} are all durable when the last ack is sent
 * ({@link FsDataset#finalizeReplicaDurably}); with it false nothing is forced
 * ({@link FsDataset#finalizeReplica}, HDFS's behaviour). A writer that disconnects leaves the
 * replica RBW; a checksum error is acked ERROR_CHECKSUM and ends the pipeline without
 * finalizing.
 */
final class BlockReceiver implements Replica.Writer {
  private static final Logger LOG = LoggerFactory.getLogger(BlockReceiver.class);
  private static final int STOP_WAIT_SECONDS = 10;

  private final TransferContext ctx;
  private final Socket upSocket;
  private final TransferStreams up;
  private final DataOutputStream out;
  private final WriteBlockRequest req;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Socket mirror;
  private volatile boolean stopped;
  /** The replica is claimed but its files are not created yet (receiver thread only). */
  private boolean filesPending;
  /**
   * The replica's directory entries are durable (receiver thread only): after its first hsync,
   * or from the start for RECOVER_APPEND, whose durable move into rbw/ synced them.
   */
  private boolean entriesDurable;

  BlockReceiver(TransferContext ctx, Socket upSocket, TransferStreams up, WriteBlockRequest req) {
    this.ctx = ctx;
    this.upSocket = upSocket;
    this.up = up;
    this.out = up.out();
    this.req = req;
    this.entriesDurable = req.getStage() == BlockConstructionStage.RECOVER_APPEND;
  }

  void receive() throws IOException {
    try {
      receiveBlock();
    } finally {
      finished.countDown();
    }
  }

  private void receiveBlock() throws IOException {
    Block b = req.getBlock();
    FsDataset ds = ctx.getDataset();
    Replica r;
    try {
      if (req.getStage() == BlockConstructionStage.RECOVER_APPEND) {
        r = ds.recoverForAppend(b, req.getNewGenerationStamp(), this);
      } else if (req.getStage() == BlockConstructionStage.TRANSFER) {
        r = TransferReplicaFactory.create(ctx, b, this);
      } else {
        // the files follow in receiveInto, while the downstream node sets up its replica
        r = ds.claimRbw(b, this);
        filesPending = true;
      }
    } catch (IOException e) {
      Responses.refuse(out, "WRITE_BLOCK " + req.getStage(), e);
      return;
    }
    try {
      receiveInto(r);
    } finally {
      r.clearWriter(this);
      TransferSockets.abort(mirror);
      if (filesPending) {
        ds.releaseClaim(r);
      }
      if (r.isTemporary()) {
        ds.abortTemporary(r);
      }
    }
  }

  /**
   * Creates the files of a replica claimed by {@link FsDataset#claimRbw}, if still pending.
   * Returns false after refusing the request upstream when that failed (the claim is then
   * released).
   */
  private boolean createPendingFiles(Replica r) throws IOException {
    if (!filesPending) {
      return true;
    }
    filesPending = false;
    try {
      ctx.getDataset().createRbwFiles(r, req.getStage() == BlockConstructionStage.CREATE);
      return true;
    } catch (IOException e) {
      Responses.refuse(out, "WRITE_BLOCK " + req.getStage(), e);
      return false;
    }
  }

  private void sendDownstreamUnreachable(Replica r, DataNodeId next, IOException e)
      throws IOException {
    LOG.warn("WRITE_BLOCK {}: downstream {} unreachable: {}", r, next, e.getMessage());
    Responses.send(out, new OpResponse(Status.ERROR, "WRITE_BLOCK " + r
        + ": cannot reach downstream " + next.getDataAddress() + ": " + e.getMessage(),
        next.getDataAddress(), 0, 0, 0, 0, 0, null));
  }

  private void receiveInto(Replica r) throws IOException {
    DataInputStream mirrorIn = null;
    DataOutputStream mirrorOut = null;
    TimedSocketOutput mirrorRaw = null;
    DataNodeId next = req.getDownstreamTargets().isEmpty() ? null
        : req.getDownstreamTargets().get(0);
    if (next != null) {
      try {
        DataNodeOptions o = ctx.getOptions();
        mirror = TransferSockets.connect(next.toSocketAddress(), o);
        // nodes nearer the end of the pipeline give up on a stalled downstream first
        TransferStreams m = TransferSockets.streams(mirror,
            o.writeTimeoutMs(req.getDownstreamTargets().size()));
        mirrorOut = m.out();
        mirrorIn = m.in();
        mirrorRaw = m.rawOut();
        req.forNextNode().write(mirrorOut);
        mirrorOut.flush();
      } catch (IOException e) {
        if (createPendingFiles(r)) {
          sendDownstreamUnreachable(r, next, e);
        }
        return;
      }
    }
    // local files are created while the request travels down the pipeline
    if (!createPendingFiles(r)) {
      return;
    }
    if (next != null) {
      try {
        OpResponse down = OpResponse.read(mirrorIn);
        if (!down.isSuccess()) {
          String bad = down.getFirstBadLink().isEmpty() ? next.getDataAddress()
              : down.getFirstBadLink();
          Responses.send(out, new OpResponse(Status.ERROR, "WRITE_BLOCK " + r
              + ": downstream " + bad + " failed: " + down.getMessage(), bad, 0, 0, 0, 0, 0,
              null));
          return;
        }
      } catch (IOException e) {
        sendDownstreamUnreachable(r, next, e);
        return;
      }
    }
    Responses.send(out, OpResponse.success());
    PacketResponder responder = new PacketResponder(r, mirrorIn, out, ctx.getFaults(),
        () -> TransferSockets.abort(mirror));
    Thread rt = new Thread(responder, "PacketResponder-" + r.getBlockId());
    rt.setDaemon(true);
    rt.start();
    boolean drainAcks = false;
    try (ReplicaOutput disk = new ReplicaOutput(r, ctx.getOptions().syncBehindBytes())) {
      // whole frames go straight to the socket's channel: one write each, from the buffer
      // they were read into
      drainAcks = packetLoop(r, disk, mirrorRaw, responder);
    } catch (IOException e) {
      if (!stopped) {
        LOG.warn("WRITE_BLOCK {}: pipeline ended: {}", r, e.toString());
      }
    } finally {
      if (drainAcks) {
        // The last ack may still be on its way: wait as long as the responder's own I/O can
        // take (the mirror's ack: socket timeout; upstream: write timeout), not just the
        // socket timeout, which a loaded machine exceeded with short test timeouts and the
        // writer lost the ack of a finalized block (seen in DataTransferFuzzTest).
        DataNodeOptions o = ctx.getOptions();
        joinQuietly(rt, o.socketTimeoutMs() + o.writeTimeoutMs(1));
      }
      rt.interrupt();
      TransferSockets.abort(mirror);
    }
  }

  /**
   * Returns true when the last ack to send is queued (the block was finalized, or an error ack
   * ends the pipeline), false when the writer was stopped.
   */
  private boolean packetLoop(Replica r, ReplicaOutput disk, TimedSocketOutput mirrorOut,
      PacketResponder responder) throws IOException {
    long lastUnverified = -1;
    TimedChannelInput channel = upSocket.getChannel() == null ? null
        : SocketWriteTimeouts.shared().input(upSocket, ctx.getOptions().socketTimeoutMs());
    try (DirectPacketBuffer p = new DirectPacketBuffer(ctx.getBuffers(),
        ctx.getOptions().maxPacketSize(), "WRITE_BLOCK " + r.toBlock().getName(),
        up.bufferedIn(), up.in(), channel)) {
      while (!stopped) {
        if (!readPacket(p, r, responder)) {
          return true;
        }
        if (p.getDataLen() > 0) {
          faultsOnData(DataNodeFaultInjector.Point.PACKET_RECEIVED, p);
        }
        ctx.getFaults().run(DataNodeFaultInjector.Point.AFTER_RECEIVE_PACKET, p.getSeqno());
        if (p.getDataLen() > 0) {
          if (!mustVerify(p, mirrorOut != null)) {
            lastUnverified = p.getSeqno();
          } else {
            try {
              PacketCrcs.verify(p.data(), p.checksums(), r.getBlockFile().getPath(),
                  p.getOffsetInBlock());
            } catch (ChecksumException e) {
              LOG.warn("WRITE_BLOCK {}: packet {} failed checksum: {}", r, p.getSeqno(),
                  e.getMessage());
              responder.enqueueError(p.getSeqno(), Status.ERROR_CHECKSUM);
              return true;
            }
          }
          // a writer may re-send the partial chunk it continues, never anything before it
          long onDisk = r.getBytesOnDisk();
          long floorOffset = onDisk - onDisk % BlockMetaFile.BYTES_PER_CHECKSUM;
          if (p.getOffsetInBlock() > onDisk || p.getOffsetInBlock() < floorOffset) {
            LOG.warn("WRITE_BLOCK {}: packet {} at offset {} outside [{}, {}]", r,
                p.getSeqno(), p.getOffsetInBlock(), floorOffset, onDisk);
            responder.enqueueError(p.getSeqno(), Status.ERROR_INVALID);
            return true;
          }
        }
        if (mirrorOut != null) {
          try {
            p.writeTo(mirrorOut);
          } catch (IOException e) {
            LOG.warn("WRITE_BLOCK {}: forwarding packet {} downstream failed: {}", r,
                p.getSeqno(), e.toString());
            mirrorOut = null;
            TransferSockets.abort(mirror);
          }
        }
        if (p.getDataLen() > 0) {
          faultsOnData(DataNodeFaultInjector.Point.BEFORE_PACKET_WRITE, p);
          if (p.getOffsetInBlock() < r.getBytesOnDisk()) {
            disk.rewindTo(p.getOffsetInBlock());
          }
          ctx.getFaults().run(DataNodeFaultInjector.Point.BEFORE_VOLUME_WRITE, r);
          disk.write(p.getOffsetInBlock(), p.data(), p.checksums());
          ctx.getMetrics().addBytesWritten(p.getDataLen());
        }
        if (p.isSync() || (p.isLast() && ctx.getOptions().syncOnClose())) {
          disk.sync();
        }
        if (p.isSync() && !entriesDurable) {
          // the first hsync also makes the new files' directory entries durable
          ctx.getDataset().syncReplicaDirectory(r);
          entriesDurable = true;
          ctx.getFaults().run(DataNodeFaultInjector.Point.AFTER_RBW_DIRECTORY_SYNC, r);
        }
        if (p.isLast() && lastUnverified >= 0 && !downstreamVerified(r, responder,
            lastUnverified)) {
          return true;
        }
        if (p.isLast()) {
          ctx.getFaults().run(DataNodeFaultInjector.Point.BEFORE_FINALIZE, r);
          if (r.isTemporary() && r.getBytesOnDisk() != req.getBlock().getNumBytes()) {
            LOG.warn("WRITE_BLOCK {}: replacement copy has {} bytes, sender announced {}", r,
                r.getBytesOnDisk(), req.getBlock().getNumBytes());
            responder.enqueueError(p.getSeqno(), Status.ERROR_INVALID);
            return true;
          }
          if (ctx.getOptions().syncOnClose()) {
            ctx.getDataset().finalizeReplicaDurably(r);
          } else {
            ctx.getDataset().finalizeReplica(r);
          }
          ctx.getMetrics().incrBlocksWritten();
          LOG.debug("WRITE_BLOCK finalized {}", r);
        }
        responder.enqueue(p.getSeqno(), r.getBytesOnDisk(), p.isLast());
        if (p.isLast()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether this node verifies the CRCs of packet {@code p} before storing it. As in HDFS, only
   * the last node of a client's pipeline does: the nodes before it forward and store, and a
   * corrupt packet comes back as the last node's ERROR_CHECKSUM ack before any node has
   * acknowledged it, so the writer resends it (a recovery cuts every replica back to the
   * acknowledged length first). Every node verifies what it stores under checksums it computes
   * itself (a packet that starts mid-chunk: {@link ReplicaOutput} recomputes that chunk's CRC,
   * which would cover corrupt bytes), what a DataNode sends it (stage TRANSFER: nobody
   * downstream checks it) and everything once its downstream is gone.
   */
  private boolean mustVerify(DirectPacketBuffer p, boolean forwarding) {
    return !forwarding || req.getStage() == BlockConstructionStage.TRANSFER
        || p.getOffsetInBlock() % BlockMetaFile.BYTES_PER_CHECKSUM != 0;
  }

  /**
   * Before finalizing a replica holding packets this node stored without verifying them: waits
   * until the downstream nodes acknowledged them all as written (so the last node verified
   * them). Returns false, after one WARN line, if they did not (a corrupt packet, a lost or
   * stalled downstream): the replica then stays RBW, and the writer, which got the error ack,
   * recovers the pipeline from the acknowledged length.
   */
  private boolean downstreamVerified(Replica r, PacketResponder responder, long seqno)
      throws IOException {
    DataNodeOptions o = ctx.getOptions();
    boolean ok;
    try {
      ok = responder.awaitDownstreamAcked(seqno, o.socketTimeoutMs() + o.writeTimeoutMs(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("WRITE_BLOCK " + r + ": interrupted");
    }
    if (!ok) {
      LOG.warn("WRITE_BLOCK {}: not finalizing: the downstream did not acknowledge packets up"
          + " to {}, which this node stored unverified", r, seqno);
    }
    return ok;
  }

  private void faultsOnData(DataNodeFaultInjector.Point point, DirectPacketBuffer p)
      throws IOException {
    ctx.getFaults().run(point, new DataNodeFaultInjector.PacketData(p.getSeqno(),
        p.getOffsetInBlock(), req.getDownstreamTargets().size(), p.data()));
  }

  /**
   * Reads the next packet into {@code p}. Returns false when its header is refused, with an
   * error ack for its seqno queued (the pipeline then ends and the connection is closed):
   * ERROR_INVALID for impossible lengths or more data than
   * {@code quire.datanode.transfer.max-packet-size}, ERROR when the buffer budget has no room
   * for it in time.
   */
  private boolean readPacket(DirectPacketBuffer p, Replica r, PacketResponder responder)
      throws IOException {
    PacketHeader h;
    try {
      h = p.readHeader();
    } catch (InvalidPacketHeaderException e) {
      LOG.warn("WRITE_BLOCK {}: refusing {}{}", r, e.getMessage(), e.isTooLarge()
          ? " (" + DataNodeConfigKeys.TRANSFER_MAX_PACKET_SIZE_KEY + ")" : "");
      responder.enqueueError(e.getSeqno(), Status.ERROR_INVALID);
      return false;
    }
    try {
      p.readBody(h);
    } catch (BufferBudgetExhaustedException e) {
      LOG.warn("WRITE_BLOCK {}: refusing packet {}: {}", r, h.seqno(), e.getMessage());
      responder.enqueueError(h.seqno(), Status.ERROR);
      return false;
    }
    return true;
  }

  private static void joinQuietly(Thread t, long millis) {
    try {
      t.join(millis == 0 ? 0 : millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the pipeline (block recovery or delete took the replica) and waits for it. */
  @Override public void stopWriting() {
    stopped = true;
    try {
      ctx.getFaults().run(DataNodeFaultInjector.Point.BEFORE_STOP_WRITER, req.getBlock());
    } catch (IOException e) {
      LOG.warn("WRITE_BLOCK of {}: fault injected at BEFORE_STOP_WRITER ignored: {}",
          req.getBlock(), e.toString());
    }
    TransferSockets.abort(upSocket);
    TransferSockets.abort(mirror);
    try {
      if (!finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("WRITE_BLOCK of {}: writer did not stop within {} s", req.getBlock(),
            STOP_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
