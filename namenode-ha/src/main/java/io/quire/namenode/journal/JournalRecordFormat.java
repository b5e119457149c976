package io.quire.namenode.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The layout of one journal record, shared by segment files ({@link SegmentFormat}) and the
 * batches of the ZooKeeper journal ({@code io.quire.namenode.journal.zk.ZkBatchFormat}); the
 * one encoder and the one decoder of it. Part of version 1 of both formats.
 *
 * <pre>
 * record := int payloadLength | int crc32c | long txId | long epoch | payload    (24 + n bytes)
 * </pre>
 * Integers are big-endian. {@code crc32c} ({@link CRC32C}) covers the rest of the record from
 * offset {@value #CRC_COVERAGE_OFFSET}: txId, epoch and payload. {@code payloadLength} is at
 * most {@link #MAX_PAYLOAD}; a container may set a lower limit. What a damaged record means
 * (torn tail or corruption) is the container format's business.
 *
 * <p>Decoding is field by field ({@link #payloadLength}, {@link #crcMatches}, ...) so that a
 * reader can validate what it has before it trusts a length; {@link #decode} copies the payload
 * of a record already validated.
 */
public final class JournalRecordFormat {
  /** payloadLength, crc32c, txId, epoch. */
  public static final int HEADER_SIZE = 24;
  /** Offset within a record of the first byte the CRC covers (the txId). */
  public static final int CRC_COVERAGE_OFFSET = 8;
  /** Largest payload any container accepts (16 MiB). */
  public static final int MAX_PAYLOAD = 16 * 1024 * 1024;

  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private JournalRecordFormat() {}

  /**
   * Fills {@code header} (a {@link #HEADER_SIZE}-byte array) with a record's header, CRC
   * included; the payload follows it.
   */
  public static void encodeHeader(CRC32C crc, byte[] header, long txId, long epoch,
      byte[] payload) {
    INT.set(header, 0, payload.length);
    LONG.set(header, 8, txId);
    LONG.set(header, 16, epoch);
    crc.reset();
    crc.update(header, CRC_COVERAGE_OFFSET, HEADER_SIZE - CRC_COVERAGE_OFFSET);
    crc.update(payload, 0, payload.length);
    INT.set(header, 4, (int) crc.getValue());
  }

  /** Size of a whole record with a payload of {@code payloadLength} bytes. */
  public static int recordSize(int payloadLength) {
    return HEADER_SIZE + payloadLength;
  }

  /** The declared payload length of the record at {@code off} (not yet validated). */
  public static int payloadLength(byte[] b, int off) {
    return (int) INT.get(b, off);
  }

  public static int storedCrc(byte[] b, int off) {
    return (int) INT.get(b, off + 4);
  }

  public static long txId(byte[] b, int off) {
    return (long) LONG.get(b, off + 8);
  }

  public static long epoch(byte[] b, int off) {
    return (long) LONG.get(b, off + 16);
  }

  /**
   * Whether the stored CRC of the record at {@code off} matches its bytes; the caller has
   * checked that {@code b} holds the whole record ({@link #recordSize}({@code payloadLength})).
   */
  public static boolean crcMatches(CRC32C crc, byte[] b, int off, int payloadLength) {
    crc.reset();
    crc.update(b, off + CRC_COVERAGE_OFFSET, recordSize(payloadLength) - CRC_COVERAGE_OFFSET);
    return (int) crc.getValue() == storedCrc(b, off);
  }

  /** The record at {@code off}, payload copied; validate it first ({@link #crcMatches}). */
  public static JournalRecord decode(byte[] b, int off) {
    int start = off + HEADER_SIZE;
    return new JournalRecord(txId(b, off), epoch(b, off),
        Arrays.copyOfRange(b, start, start + payloadLength(b, off)));
  }
}
