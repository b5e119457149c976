package io.quire.namenode.records;

import io.quire.namenode.records.EditRecord.*;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary encoding of {@link EditRecord}s: the payload of one journal record (the journal adds
 * txid, epoch and CRC around it).
 *
 * <pre>
 *   byte    version   = {@link #VERSION} (3; 1 and 2 are still read)
 *   byte    type      = {@link RecordType#code()}
 *   fields  in the order of the record's components, big-endian:
 *           long/int/short as DataOutput writes them, boolean as one byte,
 *           String as {@link StringCodec} writes it (int length, -1 = null, + UTF-8 bytes),
 *           List&lt;String&gt; as int count + strings,
 *           byte[] as int length (-1 = null) + bytes,
 *           List&lt;AclEntry&gt; as int count + per entry one byte
 *           {@code scope << 5 | type << 3 | permission} (ordinals) and its name (a string)
 * </pre>
 * SET_ACL, SET_XATTR and REMOVE_XATTR (types 22-24) and SET_QUOTA (25: str path, long name
 * quota, long space quota) were added without a version change: they
 * are new types, not new layouts of old ones (a NameNode that does not know them refuses the
 * journal as for any unknown type).
 * ALLOW_SNAPSHOT (27: path), DISALLOW_SNAPSHOT (28: path), CREATE_SNAPSHOT (29: path, int
 * snapshot id, name, long time), DELETE_SNAPSHOT (30: path, name, long time) and
 * RENAME_SNAPSHOT (31: path, old name, new name, long time) were added the same way (25-26 are the
 * quota records). A payload with an unknown version or type, or with trailing bytes, is corrupt.
 */
public final class RecordCodec {
  /**
   * Current payload format version. 2: REOPEN_FOR_APPEND ends with the appending user (a
   * string). 3: RPC_CALL ends with its operation (a byte, {@link AtMostOnceOp}). Older payloads
   * are still decoded (that user is null, that operation {@link AtMostOnceOp#UNRECORDED}).
   */
  public static final int VERSION = 3;

  private RecordCodec() {}

  public static byte[] encode(EditRecord r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeByte(r.type().code());
      RecordFields.write(r, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static List<byte[]> encodeAll(List<EditRecord> records) {
    List<byte[]> out = new ArrayList<>(records.size());
    for (EditRecord r : records) {
      out.add(encode(r));
    }
    return out;
  }

  /** Decodes a payload; {@code txId} only names the record in errors. */
  public static EditRecord decode(byte[] payload, long txId) throws CorruptJournalException {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
      int version = in.readUnsignedByte();
      if (version < 1 || version > VERSION) {
        throw new CorruptJournalException("decode record txid " + txId
            + ": unsupported record version " + version + " (expected 1 to " + VERSION + ")");
      }
      int code = in.readUnsignedByte();
      RecordType type = RecordType.ofCode(code);
      if (type == null) {
        throw new CorruptJournalException("decode record txid " + txId
            + ": unknown record type " + code);
      }
      EditRecord r = RecordFields.read(type, version, in);
      if (in.available() > 0) {
        throw new CorruptJournalException("decode record txid " + txId + ": "
            + in.available() + " trailing bytes after " + type);
      }
      return r;
    } catch (CorruptJournalException e) {
      throw e;
    } catch (IOException e) {
      throw new CorruptJournalException("decode record txid " + txId + ": truncated payload", e);
    }
  }
}
