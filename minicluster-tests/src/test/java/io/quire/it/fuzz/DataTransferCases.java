package io.quire.it.fuzz;

import static io.quire.it.fuzz.AnswerChecks.expectStatus;
import static io.quire.it.fuzz.AnswerChecks.firstResponse;
import static io.quire.it.fuzz.AnswerChecks.readAck;
import static io.quire.it.fuzz.AnswerChecks.readResponse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.it.fuzz.WireExchange.Answer;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.DataTransferProtocol;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.PacketHeader;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.Status;
import io.quire.testing.DataPackets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongPredicate;
import java.util.zip.CRC32C;

/**
 * Generates the cases of {@link DataTransferFuzzTest}: inputs for one DataNode's data-transfer
 * port, each with the check of the DataNode's answer. See the test's javadoc for the kinds.
 * Block ids: the reference block (a file's only block, finalized before the run, read-only:
 * reads, BLOCK_CHECKSUM, VISIBLE_LENGTH), and {@code FUZZ_ID_BASE + case index} for what a
 * case writes. A case recovers or appends to its own block or a block of a case in an earlier
 * batch ({@link #settledBlock}): the cases of one batch run concurrently, and a recovery of a
 * block another running case writes would stop that write, so no case can damage another's
 * expectations.
 */
final class DataTransferCases {
  static final long FUZZ_ID_BASE = 7_000_000_000L;
  private static final int BPC = 512;
  private static final int MAX_ANSWER = 1 << 20;

  private final InetSocketAddress dn;
  private final int maxPacket;
  private final int closedPort;
  private final long refId;
  private final long refGs;
  private final byte[] ref;
  private final Duration readTimeout;
  private final LongPredicate hasReplica;
  private final int batchSize;

  /**
   * @param maxPacket the DataNode's quire.datanode.transfer.max-packet-size
   * @param closedPort a local port nothing listens on (an unreachable downstream)
   * @param refId the reference block: finalized, owned by a file, never written by a case
   * @param ref the reference block's data
   * @param readTimeout how long the DataNode may stay silent without closing
   * @param hasReplica whether the DataNode holds a replica of a block id whose writer it never
   *     stopped (the NameNode has it delete the fuzzer's blocks, which belong to no file, at
   *     any time: that aborts a write)
   * @param batchSize the runner's batch: cases of one batch run concurrently
   */
  DataTransferCases(InetSocketAddress dn, int maxPacket, int closedPort, long refId,
      long refGs, byte[] ref, Duration readTimeout, LongPredicate hasReplica, int batchSize) {
    this.batchSize = batchSize;
    this.hasReplica = hasReplica;
    this.refId = refId;
    this.refGs = refGs;
    this.dn = dn;
    this.maxPacket = maxPacket;
    this.closedPort = closedPort;
    this.ref = ref;
    this.readTimeout = readTimeout;
  }

  /** What the DataNode's answer must satisfy. */
  private interface Check {
    void check(Answer a) throws IOException;
  }

  /** Sends bytes, reads the answer to the close, checks it. */
  private final class Exchange implements FuzzCase {
    private final String what;
    private final byte[] bytes;
    private final boolean keepOpen;
    private final Check check;

    Exchange(String what, byte[] bytes, boolean keepOpen, Check check) {
      this.what = what + " (" + bytes.length + " bytes" + (keepOpen ? ", kept open" : "") + ")";
      this.bytes = bytes;
      this.keepOpen = keepOpen;
      this.check = check;
    }

    @Override public String describe() { return what; }

    @Override public void run() throws Exception {
      Answer a = WireExchange.send(dn, bytes, keepOpen, readTimeout, MAX_ANSWER);
      check.check(a);
    }
  }

  FuzzCase generate(int index, Random r) {
    int k = r.nextInt(100);
    if (k < 8) {
      return junk(r);
    }
    if (k < 16) {
      return badOpHeader(r);
    }
    if (k < 40) {
      return malformedBody(index, r);
    }
    if (k < 55) {
      return read(r);
    }
    if (k < 63) {
      return smallOp(index, r);
    }
    return write(index, r);
  }

  /**
   * The block of case {@code index} itself or of a case in an earlier batch (ended before this
   * batch started): never one a concurrently running case may be writing.
   */
  private long settledBlock(int index, Random r) {
    int settled = index - index % batchSize;
    int k = r.nextInt(settled + 1);
    return FUZZ_ID_BASE + (k == settled ? index : k);
  }

  private static boolean keepOpen(Random r) {
    return r.nextInt(16) == 0;
  }

  // ---- kinds of cases --------------------------------------------------------------------

  private FuzzCase junk(Random r) {
    byte[] b = new byte[r.nextInt(300)];
    r.nextBytes(b);
    return new Exchange("random bytes", b, keepOpen(r), AnswerChecks::responseIfAny);
  }

  private FuzzCase badOpHeader(Random r) {
    int v = r.nextInt(4);
    if (v == 0) {
      short version;
      do {
        version = (short) r.nextInt();
      } while (version == DataTransferProtocol.VERSION);
      byte[] b = new WireFields().s("version", version).b("op", Op.READ_BLOCK.code()).encode();
      return new Exchange("version " + version, b, keepOpen(r),
          a -> expectStatus(a, Status.ERROR_INVALID));
    }
    if (v == 1) {
      byte op;
      do {
        op = (byte) r.nextInt();
      } while (isOp(op));
      byte[] b = new WireFields().s("version", DataTransferProtocol.VERSION).b("op", op).encode();
      return new Exchange("unknown op " + op, b, keepOpen(r),
          a -> expectStatus(a, Status.ERROR_INVALID));
    }
    byte[] b = Arrays.copyOf(new byte[] {0, 1, Op.WRITE_BLOCK.code()}, v - 2 + r.nextInt(2));
    return new Exchange("op header cut to " + b.length + " bytes", b, keepOpen(r),
        AnswerChecks::responseIfAny);
  }

  private static boolean isOp(byte code) {
    for (Op o : Op.values()) {
      if (o.code() == code) {
        return true;
      }
    }
    return false;
  }

  /** A valid op header, then the op's request body with one field or the encoding broken. */
  private FuzzCase malformedBody(int index, Random r) {
    Op op = Op.values()[r.nextInt(Op.values().length)];
    WireFields f = new WireFields().s("version", DataTransferProtocol.VERSION)
        .b("op", op.code()).i("token.identifier", 0).i("token.password", 0);
    int protectedPrefix = 3;
    f.l("block.id", FUZZ_ID_BASE + index).l("block.gs", 1 + r.nextInt(100))
        .l("block.numBytes", r.nextInt(5000));
    switch (op) {
      case READ_BLOCK -> f.l("offset", r.nextInt(5000)).l("length", r.nextInt(5000))
          .str("clientName", clientName(r));
      case WRITE_BLOCK -> {
        f.str("clientName", clientName(r));
        int n = r.nextInt(3);
        f.i("targets", n);
        for (int t = 0; t < n; t++) {
          f.str("target" + t + ".uuid", "dn-" + r.nextInt(100)).str("target" + t + ".host",
              "127.0.0.1").i("target" + t + ".port", closedPort);
        }
        f.b("stage", r.nextInt(3)).l("newGs", 1 + r.nextInt(100));
      }
      default -> f.l("newGs", 1 + r.nextInt(100)).l("newLength", r.nextInt(5000));
    }
    StringBuilder what = new StringBuilder(op + " body, ");
    byte[] b = f.encodeBroken(r, protectedPrefix, what);
    return new Exchange(what.toString(), b, keepOpen(r), AnswerChecks::responseIfAny);
  }

  /** READ_BLOCK of the reference block (ranges in and out of it) or of missing replicas. */
  private FuzzCase read(Random r) {
    int v = r.nextInt(10);
    long id = refId;
    long gs = refGs - r.nextInt(2);
    long off;
    long len;
    Status expect;
    if (v == 0) {
      id = FUZZ_ID_BASE - 1 - r.nextInt(1000);
      off = 0;
      len = 100;
      expect = Status.ERROR_NOT_FOUND;
    } else if (v == 1) {
      gs = refGs + 1 + r.nextInt(5);
      off = 0;
      len = 100;
      expect = Status.ERROR_NOT_FOUND;
    } else if (v == 2) {
      long[] beyond = {ref.length + 1L, ref.length + 512L, Integer.MAX_VALUE, Long.MAX_VALUE};
      off = beyond[r.nextInt(beyond.length)];
      len = r.nextInt(2) == 0 ? 1 : Long.MAX_VALUE;
      expect = Status.ERROR_INVALID;
    } else if (v == 3) {
      off = r.nextBoolean() ? -1 - r.nextInt(1000) : Long.MIN_VALUE;
      len = r.nextBoolean() ? 10 : -1;
      expect = Status.ERROR_INVALID;
    } else {
      off = r.nextInt(ref.length + 1);
      long[] lens = {0, 1, r.nextInt(ref.length + 1), ref.length - off + 1 + r.nextInt(1000),
          Long.MAX_VALUE - off, Long.MAX_VALUE};
      len = lens[r.nextInt(lens.length)];
      expect = Status.SUCCESS;
    }
    String client = clientName(r);
    if (r.nextInt(20) == 0) {
      client = "c".repeat(DataTransferProtocol.MAX_STRING + 1);
      expect = Status.ERROR_INVALID;
    }
    byte[] b = new WireFields().s("version", DataTransferProtocol.VERSION)
        .b("op", Op.READ_BLOCK.code()).i("token.identifier", 0).i("token.password", 0)
        .l("id", id).l("gs", gs).l("n", 0).l("off", off)
        .l("len", len).str("client", client).encode();
    String what = "READ_BLOCK blk_" + id + "_" + gs + " [" + off + "+" + len + "] client "
        + client.length() + " chars, expect " + expect;
    long o = off;
    long l = len;
    Status e = expect;
    return new Exchange(what, b, keepOpen(r), a -> {
      if (e != Status.SUCCESS) {
        expectStatus(a, e);
      } else {
        checkRead(a, o, l);
      }
    });
  }

  /** The answer to a READ_BLOCK of [off, off+len) of the reference block: the right bytes. */
  private void checkRead(Answer a, long off, long len) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(a.bytes()));
    OpResponse resp = OpResponse.read(in);
    assertEquals(Status.SUCCESS, resp.getStatus(), resp.toString());
    assertEquals(ref.length, resp.getLength(), "visible length");
    long from = resp.getChunkOffset();
    assertEquals(off - off % BPC, from, "chunk offset");
    // contiguous packets from the chunk offset, every chunk's CRC right
    byte[] got = DataPackets.readStream(in, from, true, "the reference block");
    long end = off + Math.min(len, ref.length - off);
    assertTrue(from + got.length >= end, "read ends at " + (from + got.length) + " < " + end);
    assertArrayEquals(Arrays.copyOfRange(ref, (int) from, (int) from + got.length), got,
        "data of the reference block");
    assertEquals(-1, in.read(), "nothing after the last packet");
  }

  /** BLOCK_CHECKSUM and VISIBLE_LENGTH of the reference block; recovery of fuzz blocks. */
  private FuzzCase smallOp(int index, Random r) {
    int v = r.nextInt(5);
    Op op;
    long id = refId;
    long numBytes = 0;
    long newGs = 0;
    long newLen = 0;
    Check check;
    if (v == 0) {
      op = Op.BLOCK_CHECKSUM;
      numBytes = r.nextBoolean() ? r.nextInt(ref.length + 1) : ref.length + 1 + r.nextInt(9999);
      long n = numBytes;
      check = a -> {
        OpResponse resp = firstResponse(a);
        if (n <= ref.length) {
          assertEquals(Status.SUCCESS, resp.getStatus(), resp.toString());
          assertEquals(n, resp.getLength(), "checksummed length");
        } else {
          assertEquals(Status.ERROR_INVALID, resp.getStatus(), resp.toString());
        }
      };
    } else if (v == 1) {
      op = Op.VISIBLE_LENGTH;
      check = a -> {
        OpResponse resp = firstResponse(a);
        assertEquals(Status.SUCCESS, resp.getStatus(), resp.toString());
        assertEquals(ref.length, resp.getLength(), "visible length");
      };
    } else {
      op = r.nextBoolean() ? Op.RECOVERY_INIT : Op.RECOVERY_UPDATE;
      id = settledBlock(index, r);
      numBytes = r.nextInt(3000);
      long[] gss = {0, 1, r.nextInt(2000), Long.MAX_VALUE, -1};
      newGs = gss[r.nextInt(gss.length)];
      long[] lens = {0, r.nextInt(3000), -1, Long.MAX_VALUE, Long.MIN_VALUE};
      newLen = lens[r.nextInt(lens.length)];
      check = AnswerChecks::responseIfAny;
    }
    byte[] b = new WireFields().s("version", DataTransferProtocol.VERSION).b("op", op.code())
        .i("token.identifier", 0).i("token.password", 0)
        .l("id", id).l("gs", id == refId ? refGs : 1 + r.nextInt(1000)).l("n", numBytes)
        .l("newGs", newGs).l("newLength", newLen).encode();
    return new Exchange(op + " blk_" + id + " numBytes " + numBytes + " newGs " + newGs
        + " newLength " + newLen, b, keepOpen(r), check);
  }

  /**
   * One packet of a write: its bytes, the ack it must get (null: none), the data it adds to the
   * replica, and whether it ends the write (the last packet, or a broken one).
   */
  private record Sent(byte[] bytes, String what, PipelineAck ack, int advance, boolean ends) {
    Sent(byte[] bytes, String what, PipelineAck ack) {
      this(bytes, what, ack, 0, true);
    }
  }

  /**
   * WRITE_BLOCK of a new fuzz block, then packets: valid ones (acked SUCCESS) possibly ended by
   * one broken packet (acked with the error it must get, after which nothing is sent), or by
   * the last packet of the block.
   */
  private FuzzCase write(int index, Random r) {
    long id = FUZZ_ID_BASE + index;
    long gs = 1 + r.nextInt(1000);
    int s = r.nextInt(20);
    BlockConstructionStage stage = s == 0 ? BlockConstructionStage.RECOVER_APPEND
        : s == 1 ? BlockConstructionStage.TRANSFER : BlockConstructionStage.CREATE;
    long blockId = stage == BlockConstructionStage.RECOVER_APPEND
        ? settledBlock(index, r) : id;
    int t = r.nextInt(20);
    WireFields f = new WireFields().s("version", DataTransferProtocol.VERSION)
        .b("op", Op.WRITE_BLOCK.code()).i("token.identifier", 0).i("token.password", 0)
        .l("id", blockId).l("gs", gs)
        .l("n", stage == BlockConstructionStage.CREATE ? 0 : r.nextInt(5000))
        .str("client", clientName(r));
    String targets = "no downstream";
    if (t == 0) {
      f.i("targets", 1).str("uuid", "closed").str("host", "127.0.0.1").i("port", closedPort);
      targets = "an unreachable downstream";
    } else if (t == 1) {
      f.i("targets", 1).str("uuid", "self").str("host", dn.getHostString())
          .i("port", dn.getPort());
      targets = "itself as downstream";
    } else {
      f.i("targets", 0);
    }
    f.b("stage", stage.ordinal()).l("newGs", gs + r.nextInt(3));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(f.encode());
    StringBuilder what = new StringBuilder("WRITE_BLOCK " + stage + " blk_" + blockId + "_"
        + gs + " with " + targets + ", packets:");
    List<PipelineAck> acks = new ArrayList<>();
    boolean ended = false;
    boolean allAcked = false;
    if (t > 1) {
      long onDisk = 0;
      long seq = 0;
      int n = r.nextInt(6);
      for (int k = 0; k < n && !ended; k++) {
        Sent p = r.nextInt(4) == 0 ? brokenPacket(r, onDisk, seq) : validPacket(r, onDisk, seq,
            k == n - 1);
        out.writeBytes(p.bytes());
        what.append(' ').append(p.what());
        if (p.ack() != null) {
          acks.add(p.ack());
        }
        ended = p.ends();
        allAcked = p.ends() && p.ack() != null;
        onDisk += p.advance();
        seq++;
      }
    }
    boolean strict = stage == BlockConstructionStage.CREATE && t > 1;
    boolean complete = allAcked;
    return new Exchange(what.toString(), out.toByteArray(), keepOpen(r), a -> {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(a.bytes()));
      OpResponse resp = readResponse(a, in);
      if (resp == null) {
        return;
      }
      if (!strict) {
        if (t <= 1) {
          assertNotEquals(Status.SUCCESS, resp.getStatus(), "a pipeline through " + "an"
              + " unusable downstream: " + resp);
        }
        while (readAck(a, in) != null) {
          // any acks, as long as they parse
        }
        return;
      }
      assertEquals(Status.SUCCESS, resp.getStatus(), resp.toString());
      List<PipelineAck> got = new ArrayList<>();
      for (PipelineAck ack; (ack = readAck(a, in)) != null; ) {
        got.add(ack);
      }
      assertTrue(got.size() <= acks.size(), "more acks than packets: " + got);
      for (int k = 0; k < got.size(); k++) {
        assertEquals(acks.get(k).toString(), got.get(k).toString(), "ack " + k);
      }
      if (complete && !a.reset() && hasReplica.test(blockId)) {
        assertEquals(acks.size(), got.size(), "every packet up to the last/broken one acked: "
            + got);
      }
    });
  }

  private Sent validPacket(Random r, long onDisk, long seq, boolean mayEnd) {
    int[] sizes = {0, 1 + r.nextInt(600), 1 + r.nextInt(4000), maxPacket};
    int len = sizes[r.nextInt(sizes.length)];
    boolean sync = r.nextInt(10) == 0;
    long seqno = r.nextInt(15) == 0 ? (r.nextBoolean() ? -1 : Long.MAX_VALUE) : seq;
    if (mayEnd && r.nextInt(3) == 0) {
      // the block's last packet: empty, or (not as the protocol says) with data
      int lastLen = r.nextInt(4) == 0 ? 1 + r.nextInt(700) : 0;
      return new Sent(packet(onDisk, seqno, PacketHeader.FLAG_LAST, lastLen,
          PacketHeader.checksumLenFor(lastLen), lastLen, r, false), "last" + lastLen,
          ok(seqno), lastLen, true);
    }
    return new Sent(packet(onDisk, seqno, sync ? PacketHeader.FLAG_SYNC : 0, len,
        PacketHeader.checksumLenFor(len), len, r, false), "data" + len + "@" + onDisk,
        ok(seqno), len, false);
  }

  private Sent brokenPacket(Random r, long onDisk, long seq) {
    int len = 1 + r.nextInt(3000);
    int csum = PacketHeader.checksumLenFor(len);
    switch (r.nextInt(9)) {
      case 0: {
        int bad = r.nextBoolean() ? -1 - r.nextInt(1000) : Integer.MIN_VALUE;
        return headerOnly(onDisk, seq, 0, bad, csum, "negative data length " + bad);
      }
      case 1: {
        int[] big = {maxPacket + 1, DataTransferProtocol.MAX_PACKET_DATA,
            DataTransferProtocol.MAX_PACKET_DATA + 1, Integer.MAX_VALUE};
        int bad = big[r.nextInt(big.length)];
        return headerOnly(onDisk, seq, 0, bad, PacketHeader.checksumLenFor(Math.max(0, bad)),
            "data length " + bad + " beyond the limit");
      }
      case 2: {
        int bad = csum + (r.nextBoolean() ? 4 : -4) * (1 + r.nextInt(3));
        return headerOnly(onDisk, seq, 0, len, bad, "checksum length " + bad + " for " + len);
      }
      case 3: {
        int flags = 4 << r.nextInt(6);
        return headerOnly(onDisk, seq, flags, len, csum, "unknown flag " + flags);
      }
      case 4: {
        long bad = r.nextBoolean() ? -1 : Long.MIN_VALUE;
        return new Sent(header(bad, seq, 0, len, csum), "offset " + bad, error(seq,
            Status.ERROR_INVALID));
      }
      case 5:
        return new Sent(packet(onDisk, seq, 0, len, csum, len, r, true),
            "bad CRC (" + len + " bytes)", error(seq, Status.ERROR_CHECKSUM));
      case 6: {
        byte[] garbage = new byte[csum + len];
        r.nextBytes(garbage);
        byte[] h = header(onDisk, seq, 0, len, csum);
        byte[] b = Arrays.copyOf(h, h.length + garbage.length);
        System.arraycopy(garbage, 0, b, h.length, garbage.length);
        return new Sent(b, "valid header + garbage (" + len + " bytes)",
            error(seq, Status.ERROR_CHECKSUM));
      }
      case 7: {
        long bad = onDisk + BPC * (1L + r.nextInt(4));
        return new Sent(packet(bad, seq, 0, len, csum, len, r, false), "gap to offset " + bad
            + " (on disk " + onDisk + ")", error(seq, Status.ERROR_INVALID));
      }
      default: {
        byte[] full = packet(onDisk, seq, 0, len, csum, len, r, false);
        int cut = PacketHeader.SIZE + r.nextInt(csum + len);
        return new Sent(Arrays.copyOf(full, cut), "cut at " + cut + " of " + full.length,
            null);
      }
    }
  }

  private static Sent headerOnly(long off, long seq, int flags, int len, int csum, String what) {
    return new Sent(header(off, seq, flags, len, csum), what, error(seq, Status.ERROR_INVALID));
  }

  private static byte[] header(long off, long seq, int flags, int len, int csum) {
    return ByteBuffer.allocate(PacketHeader.SIZE).putLong(off).putLong(seq).put((byte) flags)
        .putInt(len).putInt(csum).array();
  }

  /** A whole packet with random data and its CRCs (one of them wrong if {@code badCrc}). */
  private static byte[] packet(long off, long seq, int flags, int len, int csum, int dataLen,
      Random r, boolean badCrc) {
    byte[] data = new byte[dataLen];
    r.nextBytes(data);
    ByteBuffer b = ByteBuffer.allocate(PacketHeader.SIZE + csum + dataLen);
    b.put(header(off, seq, flags, len, csum));
    int chunks = csum / 4;
    int wrong = badCrc ? r.nextInt(chunks) : -1;
    for (int c = 0; c < chunks; c++) {
      CRC32C crc = new CRC32C();
      crc.update(data, c * BPC, Math.min(BPC, dataLen - c * BPC));
      b.putInt((int) crc.getValue() ^ (c == wrong ? 1 << r.nextInt(32) | 1 : 0));
    }
    b.put(data);
    return b.array();
  }

  private static PipelineAck ok(long seqno) {
    return new PipelineAck(seqno, List.of(Status.SUCCESS));
  }

  private static PipelineAck error(long seqno, Status s) {
    return new PipelineAck(seqno, List.of(s));
  }

  private static String clientName(Random r) {
    int v = r.nextInt(8);
    if (v == 0) {
      return "";
    }
    if (v == 1) {
      return "c".repeat(r.nextInt(DataTransferProtocol.MAX_STRING + 1));
    }
    if (v == 2) {
      return "\u0000\uFFFF\uD800é" + r.nextInt();
    }
    return "fuzz-client-" + r.nextInt(100);
  }
}
