package io.quire.testing;

import io.quire.protocol.datatransfer.BlockOpRequest;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.ReadBlockRequest;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.datatransfer.WireIO;
import io.quire.protocol.datatransfer.WriteBlockRequest;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.ReplicaState;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.ChecksumException;

/**
 * A tiny in-memory DataNode speaking the data-transfer protocol, for client unit tests:
 * WRITE_BLOCK (verifies each packet's CRC32C, forwards down the pipeline, acks back),
 * READ_BLOCK, BLOCK_CHECKSUM, VISIBLE_LENGTH, with the protocol's frames and the tests'
 * {@link DataPackets} (the same as {@link BlockClient}'s). Fault switches: die after N packets,
 * corrupt replicas on read. Binds an ephemeral port on loopback.
 */
public final class FakeDataNode implements AutoCloseable {
  private final ServerSocket server;
  private final DataNodeId id;
  private final Map<Long, ByteArrayOutputStream> replicas = new ConcurrentHashMap<>();
  private final Map<Long, Long> stamps = new ConcurrentHashMap<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<Integer> packetSizes = new CopyOnWriteArrayList<>();
  private final AtomicInteger syncPackets = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger heartbeats = new AtomicInteger();
  private final AtomicInteger idleCloses = new AtomicInteger();
  private volatile int idleTimeoutMs;
  private volatile int dieAfterPackets = -1;
  private volatile boolean corruptReads;
  private volatile boolean stallWrites;
  private volatile boolean stallReads;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean dead;
  private final AtomicInteger tokenRefusals = new AtomicInteger();

  public FakeDataNode() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    id = new DataNodeId(UUID.randomUUID().toString(), "127.0.0.1", server.getLocalPort());
    Thread t = new Thread(this::acceptLoop, "fake-dn-" + server.getLocalPort());
    t.setDaemon(true);
    t.start();
  }

  public DataNodeInfo info() { return DataNodeInfo.ofId(id); }
  public byte[] replica(long blockId) {
    ByteArrayOutputStream b = replicas.get(blockId);
    return b == null ? null : b.toByteArray();
  }
  public Long stamp(long blockId) { return stamps.get(blockId); }
  public List<Integer> packetSizes() { return packetSizes; }
  public int syncPackets() { return syncPackets.get(); }
  public int reads() { return reads.get(); }
  /** Empty, non-last packets received on write pipelines. */
  public int heartbeats() { return heartbeats.get(); }
  /** Connections closed because nothing arrived within the idle timeout. */
  public int idleCloses() { return idleCloses.get(); }
  /** Closes connections idle this long (as a DataNode's socket timeout does); 0: never. */
  public void idleTimeoutMs(int ms) { idleTimeoutMs = ms; }
  /** Closes every connection and stops accepting after {@code n} more data packets. */
  public void dieAfterPackets(int n) { dieAfterPackets = n; }
  public void corruptReads(boolean c) { corruptReads = c; }
  /**
   * Accepts write pipelines and then never reads from them again (a stalled node: its socket
   * buffers fill and the writer's sends block), until {@link #close()}.
   */
  public void stallWrites(boolean s) { stallWrites = s; }
  /**
   * Answers reads with the first half of the first packet's data and then sends nothing more,
   * the connection left open (a stalled node), until {@link #close()}.
   */
  public void stallReads(boolean s) { stallReads = s; }
  public boolean isDead() { return dead; }

  private void awaitClose() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
  /** The next {@code n} ops are refused with ERROR_ACCESS_TOKEN (as for an expired token). */
  public void refuseTokens(int n) { tokenRefusals.set(n); }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "fake-dn-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      s.setSoTimeout(idleTimeoutMs);
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
      Op op = WireIO.readOpHeader(in);
      if (tokenRefusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        OpResponse.error(Status.ERROR_ACCESS_TOKEN, op + ": block access token expired")
            .write(out);
        out.flush();
        return;
      }
      switch (op) {
        case WRITE_BLOCK -> write(WriteBlockRequest.read(in), in, out);
        case READ_BLOCK -> read(ReadBlockRequest.read(in), out);
        default -> blockOp(BlockOpRequest.read(op, in), out);
      }
    } catch (java.net.SocketTimeoutException e) {
      idleCloses.incrementAndGet();
    } catch (IOException e) {
      // connection ended (client gone or this node "died")
    } finally {
      open.remove(s);
    }
  }

  private void write(WriteBlockRequest req, DataInputStream in, DataOutputStream out)
      throws IOException {
    long blockId = req.getBlock().getBlockId();
    ByteArrayOutputStream replica = new ByteArrayOutputStream();
    switch (req.getStage()) {
      case CREATE -> stamps.put(blockId, req.getBlock().getGenerationStamp());
      case RECOVER_APPEND -> {
        byte[] old = replica(blockId);
        int keep = (int) req.getBlock().getNumBytes();
        if (old == null || old.length < keep) {
          OpResponse.error(Status.ERROR_NOT_FOUND, "no replica of " + req.getBlock()
              + " long enough").write(out);
          out.flush();
          return;
        }
        replica.write(old, 0, keep);
        stamps.put(blockId, req.getNewGenerationStamp());
      }
      default -> throw new IOException("unsupported stage " + req.getStage());
    }
    replicas.put(blockId, replica);
    Socket mirror = null;
    DataOutputStream mOut = null;
    DataInputStream mIn = null;
    if (!req.getDownstreamTargets().isEmpty()) {
      DataNodeId next = req.getDownstreamTargets().get(0);
      try {
        mirror = new Socket(next.getHost(), next.getDataPort());
        mOut = new DataOutputStream(new BufferedOutputStream(mirror.getOutputStream()));
        mIn = new DataInputStream(new BufferedInputStream(mirror.getInputStream()));
        req.forNextNode().write(mOut);
        mOut.flush();
        OpResponse r = OpResponse.read(mIn);
        if (!r.isSuccess()) {
          new OpResponse(Status.ERROR, "downstream: " + r.getMessage(),
              r.getFirstBadLink().isEmpty() ? next.getDataAddress() : r.getFirstBadLink(),
              0, 0, 0, 0, 0, null).write(out);
          out.flush();
          return;
        }
      } catch (IOException e) {
        new OpResponse(Status.ERROR, "cannot reach " + next, next.getDataAddress(), 0, 0, 0, 0,
            0, null).write(out);
        out.flush();
        return;
      }
    }
    OpResponse.success().write(out);
    out.flush();
    if (stallWrites) {
      awaitClose();
      return;
    }
    try {
      while (true) {
        Packet p = Packet.read(in);
        if (p.getDataLen() > 0 && dieAfterPackets >= 0 && dieAfterPackets-- == 0) {
          die();
          return;
        }
        Status own = Status.SUCCESS;
        try {
          DataPackets.verify(p, "blk_" + blockId);
        } catch (ChecksumException e) {
          own = Status.ERROR_CHECKSUM;
        }
        if (p.getOffsetInBlock() != replica.size()) {
          own = Status.ERROR_INVALID;
        }
        if (own == Status.SUCCESS) {
          replica.write(p.getData(), 0, p.getDataLen());
          if (p.getDataLen() > 0) {
            packetSizes.add(p.getDataLen());
          } else if (!p.isLastPacketInBlock()) {
            heartbeats.incrementAndGet();
          }
          if (p.isSyncBlock()) {
            syncPackets.incrementAndGet();
          }
        }
        PipelineAck ack;
        if (mOut != null) {
          PipelineAck down;
          try {
            p.write(mOut);
            mOut.flush();
            down = PipelineAck.read(mIn);
          } catch (IOException e) {
            down = new PipelineAck(p.getSeqno(), List.of(Status.ERROR));
          }
          ack = down.prepend(own);
        } else {
          ack = new PipelineAck(p.getSeqno(), List.of(own));
        }
        ack.write(out);
        out.flush();
        if (p.isLastPacketInBlock() || own != Status.SUCCESS) {
          return;
        }
      }
    } finally {
      if (mirror != null) {
        mirror.close();
      }
    }
  }

  private void read(ReadBlockRequest req, DataOutputStream out) throws IOException {
    reads.incrementAndGet();
    byte[] data = replica(req.getBlock().getBlockId());
    if (data == null) {
      OpResponse.error(Status.ERROR_NOT_FOUND, "no " + req.getBlock()).write(out);
      out.flush();
      return;
    }
    long start = req.getOffset() - req.getOffset() % 512;
    long end = Math.min(data.length, req.getOffset() + req.getLength());
    new OpResponse(Status.SUCCESS, "", "", data.length, 0, start, 512, 0, null).write(out);
    long off = start;
    long seq = 0;
    while (off < end) {
      int n = (int) Math.min(64 * 1024, end - off);
      Packet p = DataPackets.data(off, seq++, data, (int) off, n, false);
      if (corruptReads) {
        p.getData()[0] ^= 0x5a;
      }
      if (stallReads) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        p.write(new DataOutputStream(frame));
        out.write(frame.toByteArray(), 0, frame.size() - n / 2);
        out.flush();
        awaitClose();
        return;
      }
      p.write(out);
      off += n;
    }
    DataPackets.last(off, seq).write(out);
    out.flush();
  }

  private void blockOp(BlockOpRequest req, DataOutputStream out) throws IOException {
    byte[] data = replica(req.getBlock().getBlockId());
    if (data == null) {
      OpResponse.error(Status.ERROR_NOT_FOUND, "no " + req.getBlock()).write(out);
    } else if (req.getOp() == Op.BLOCK_CHECKSUM) {
      CRC32C crc = new CRC32C();
      crc.update(data, 0, (int) Math.min(data.length, req.getBlock().getNumBytes()));
      new OpResponse(Status.SUCCESS, "", "", req.getBlock().getNumBytes(), 0, 0, 512,
          (int) crc.getValue(), ReplicaState.FINALIZED).write(out);
    } else {
      new OpResponse(Status.SUCCESS, "", "", data.length, 0, 0, 0, 0, null).write(out);
    }
    out.flush();
  }

  private void die() throws IOException {
    dead = true;
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }

  @Override public void close() throws IOException {
    closed.countDown();
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
