package io.quire.namenode.records;

import io.quire.namenode.records.EditRecord.*;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclEntryScope;
import org.apache.hadoop.fs.permission.AclEntryType;
import org.apache.hadoop.fs.permission.FsAction;

/**
 * Field layout of each record type (see {@link RecordCodec} for the framing); the ACL entry
 * and byte-array layouts are shared with the checkpoint image.
 */
public final class RecordFields {
  private RecordFields() {}

  static void write(EditRecord rec, DataOutputStream o) throws IOException {
    switch (rec.type()) {
      case MKDIR -> { Mkdir r = (Mkdir) rec; o.writeLong(r.inodeId()); str(o, r.path());
        o.writeShort(r.permission()); str(o, r.owner()); str(o, r.group()); o.writeLong(r.time()); }
      case CREATE_FILE -> { CreateFile r = (CreateFile) rec; o.writeLong(r.inodeId());
        str(o, r.path()); o.writeShort(r.permission()); str(o, r.owner()); str(o, r.group());
        o.writeShort(r.replication()); o.writeLong(r.blockSize()); o.writeLong(r.time());
        str(o, r.clientName()); str(o, r.clientMachine()); o.writeBoolean(r.overwrite()); }
      case ADD_BLOCK -> { AddBlock r = (AddBlock) rec; o.writeLong(r.fileId());
        o.writeLong(r.blockId()); o.writeLong(r.generationStamp()); }
      case COMMIT_BLOCK -> { CommitBlock r = (CommitBlock) rec; o.writeLong(r.fileId());
        o.writeLong(r.blockId()); o.writeLong(r.numBytes()); }
      case ABANDON_BLOCK -> { AbandonBlock r = (AbandonBlock) rec; o.writeLong(r.fileId());
        o.writeLong(r.blockId()); }
      case UPDATE_BLOCK_LENGTH -> { UpdateBlockLength r = (UpdateBlockLength) rec;
        o.writeLong(r.fileId()); o.writeLong(r.blockId()); o.writeLong(r.numBytes()); }
      case CLOSE_FILE -> { CloseFile r = (CloseFile) rec; o.writeLong(r.fileId());
        o.writeLong(r.time()); }
      case REOPEN_FOR_APPEND -> { ReopenForAppend r = (ReopenForAppend) rec;
        o.writeLong(r.fileId()); str(o, r.clientName()); str(o, r.clientMachine());
        o.writeLong(r.time()); str(o, r.user()); }
      case RENAME -> { Rename r = (Rename) rec; str(o, r.src()); str(o, r.dst());
        o.writeLong(r.time()); }
      case DELETE -> { Delete r = (Delete) rec; str(o, r.path()); o.writeLong(r.time()); }
      case SET_PERMISSION -> { SetPermission r = (SetPermission) rec; str(o, r.path());
        o.writeShort(r.permission()); }
      case SET_OWNER -> { SetOwner r = (SetOwner) rec; str(o, r.path()); str(o, r.owner());
        str(o, r.group()); }
      case SET_TIMES -> { SetTimes r = (SetTimes) rec; str(o, r.path());
        o.writeLong(r.modificationTime()); o.writeLong(r.accessTime()); }
      case SET_REPLICATION -> { SetReplication r = (SetReplication) rec; str(o, r.path());
        o.writeShort(r.replication()); }
      case CONCAT -> { Concat r = (Concat) rec; str(o, r.target());
        o.writeInt(r.sources().size());
        for (String s : r.sources()) {
          str(o, s);
        }
        o.writeLong(r.time()); }
      case TRUNCATE -> { Truncate r = (Truncate) rec; o.writeLong(r.fileId());
        o.writeLong(r.newLength()); o.writeLong(r.time()); o.writeLong(r.recoveryGenerationStamp());
        str(o, r.clientName()); str(o, r.clientMachine()); }
      case TRUNCATE_COPY -> { TruncateCopy r = (TruncateCopy) rec; o.writeLong(r.fileId());
        o.writeLong(r.newLength()); o.writeLong(r.time()); o.writeLong(r.recoveryGenerationStamp());
        o.writeLong(r.newBlockId()); str(o, r.clientName()); str(o, r.clientMachine()); }
      case SET_GENSTAMP -> o.writeLong(((SetGenerationStamp) rec).generationStamp());
      case UPDATE_PIPELINE -> { UpdatePipeline r = (UpdatePipeline) rec; o.writeLong(r.fileId());
        o.writeLong(r.blockId()); o.writeLong(r.newGenerationStamp()); o.writeLong(r.numBytes()); }
      case REASSIGN_LEASE -> { ReassignLease r = (ReassignLease) rec; o.writeLong(r.fileId());
        str(o, r.newHolder()); o.writeLong(r.blockId()); o.writeLong(r.recoveryGenerationStamp()); }
      case COMMIT_BLOCK_SYNC -> { CommitBlockSync r = (CommitBlockSync) rec;
        o.writeLong(r.fileId()); o.writeLong(r.blockId()); o.writeLong(r.newGenerationStamp());
        o.writeLong(r.newLength()); o.writeBoolean(r.closeFile()); o.writeBoolean(r.deleteBlock());
        o.writeLong(r.time()); }
      case RPC_CALL -> { RpcCall r = (RpcCall) rec; byte[] id = r.clientId();
        o.writeInt(id.length); o.write(id); o.writeInt(r.callId());
        o.writeByte(r.answer().code()); o.writeLong(r.inodeId()); o.writeByte(r.op().code()); }
      case SET_ACL -> { SetAcl r = (SetAcl) rec; str(o, r.path()); o.writeShort(r.permission());
        o.writeInt(r.entries().size());
        for (AclEntry e : r.entries()) {
          aclEntry(o, e);
        }
      }
      case SET_XATTR -> { SetXAttr r = (SetXAttr) rec; str(o, r.path()); str(o, r.name());
        bytes(o, r.value()); }
      case SET_QUOTA -> { SetQuota r = (SetQuota) rec; str(o, r.path()); o.writeLong(r.nsQuota());
        o.writeLong(r.ssQuota()); }
      case REMOVE_XATTR -> { RemoveXAttr r = (RemoveXAttr) rec; str(o, r.path());
        str(o, r.name()); }
      case ALLOW_SNAPSHOT -> str(o, ((AllowSnapshot) rec).path());
      case DISALLOW_SNAPSHOT -> str(o, ((DisallowSnapshot) rec).path());
      case CREATE_SNAPSHOT -> { CreateSnapshot r = (CreateSnapshot) rec; str(o, r.path());
        o.writeInt(r.snapshotId()); str(o, r.name()); o.writeLong(r.time()); }
      case DELETE_SNAPSHOT -> { DeleteSnapshot r = (DeleteSnapshot) rec; str(o, r.path());
        str(o, r.name()); o.writeLong(r.time()); }
      case RENAME_SNAPSHOT -> { RenameSnapshot r = (RenameSnapshot) rec; str(o, r.path());
        str(o, r.oldName()); str(o, r.newName()); o.writeLong(r.time()); }
      default -> throw new IllegalArgumentException("no encoding for " + rec.type());
    }
  }

  /**
   * Reads the fields of a record of payload {@code version} (1: REOPEN_FOR_APPEND has no user;
   * 1 and 2: RPC_CALL has no operation).
   */
  static EditRecord read(RecordType type, int version, DataInputStream i) throws IOException {
    return switch (type) {
      case MKDIR -> new Mkdir(i.readLong(), str(i), i.readShort(), str(i), str(i), i.readLong());
      case CREATE_FILE -> new CreateFile(i.readLong(), str(i), i.readShort(), str(i), str(i),
          i.readShort(), i.readLong(), i.readLong(), str(i), str(i), i.readBoolean());
      case ADD_BLOCK -> new AddBlock(i.readLong(), i.readLong(), i.readLong());
      case COMMIT_BLOCK -> new CommitBlock(i.readLong(), i.readLong(), i.readLong());
      case ABANDON_BLOCK -> new AbandonBlock(i.readLong(), i.readLong());
      case UPDATE_BLOCK_LENGTH -> new UpdateBlockLength(i.readLong(), i.readLong(), i.readLong());
      case CLOSE_FILE -> new CloseFile(i.readLong(), i.readLong());
      case REOPEN_FOR_APPEND -> new ReopenForAppend(i.readLong(), str(i), str(i), i.readLong(),
          version >= 2 ? str(i) : null);
      case RENAME -> new Rename(str(i), str(i), i.readLong());
      case DELETE -> new Delete(str(i), i.readLong());
      case SET_PERMISSION -> new SetPermission(str(i), i.readShort());
      case SET_OWNER -> new SetOwner(str(i), str(i), str(i));
      case SET_TIMES -> new SetTimes(str(i), i.readLong(), i.readLong());
      case SET_REPLICATION -> new SetReplication(str(i), i.readShort());
      case CONCAT -> {
        String target = str(i);
        int n = i.readInt();
        if (n < 0 || n > 1_000_000) {
          throw new IOException("bad source count " + n);
        }
        List<String> sources = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          sources.add(str(i));
        }
        yield new Concat(target, sources, i.readLong());
      }
      case TRUNCATE -> new Truncate(i.readLong(), i.readLong(), i.readLong(), i.readLong(),
          str(i), str(i));
      case TRUNCATE_COPY -> new TruncateCopy(i.readLong(), i.readLong(), i.readLong(),
          i.readLong(), i.readLong(), str(i), str(i));
      case SET_GENSTAMP -> new SetGenerationStamp(i.readLong());
      case UPDATE_PIPELINE -> new UpdatePipeline(i.readLong(), i.readLong(), i.readLong(),
          i.readLong());
      case REASSIGN_LEASE -> new ReassignLease(i.readLong(), str(i), i.readLong(), i.readLong());
      case COMMIT_BLOCK_SYNC -> new CommitBlockSync(i.readLong(), i.readLong(), i.readLong(),
          i.readLong(), i.readBoolean(), i.readBoolean(), i.readLong());
      case RPC_CALL -> {
        int n = i.readInt();
        if (n < 0 || n > 64) {
          throw new IOException("bad client id length " + n);
        }
        byte[] id = new byte[n];
        i.readFully(id);
        int callId = i.readInt();
        int code = i.readUnsignedByte();
        CallAnswer answer = CallAnswer.ofCode(code);
        if (answer == null) {
          throw new IOException("unknown call answer code " + code);
        }
        long inodeId = i.readLong();
        AtMostOnceOp op = AtMostOnceOp.UNRECORDED;
        if (version >= 3) {
          int opCode = i.readUnsignedByte();
          op = AtMostOnceOp.ofCode(opCode);
          if (op == null) {
            throw new IOException("unknown at-most-once operation code " + opCode);
          }
        }
        yield new RpcCall(id, callId, answer, inodeId, op);
      }
      case SET_ACL -> {
        String path = str(i);
        short perm = i.readShort();
        int n = i.readInt();
        if (n < 0 || n > MAX_ACL_ENTRIES) {
          throw new IOException("bad ACL entry count " + n);
        }
        List<AclEntry> entries = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          entries.add(aclEntry(i));
        }
        yield new SetAcl(path, perm, entries);
      }
      case SET_XATTR -> new SetXAttr(str(i), str(i), bytes(i));
      case REMOVE_XATTR -> new RemoveXAttr(str(i), str(i));
      case SET_QUOTA -> new SetQuota(str(i), i.readLong(), i.readLong());
      case ALLOW_SNAPSHOT -> new AllowSnapshot(str(i));
      case DISALLOW_SNAPSHOT -> new DisallowSnapshot(str(i));
      case CREATE_SNAPSHOT -> new CreateSnapshot(str(i), i.readInt(), str(i), i.readLong());
      case DELETE_SNAPSHOT -> new DeleteSnapshot(str(i), str(i), i.readLong());
      case RENAME_SNAPSHOT -> new RenameSnapshot(str(i), str(i), str(i), i.readLong());
      default -> throw new IOException("no decoding for " + type);
    };
  }

  /** An ACL holds at most 32 entries of each scope (HDFS's limit). */
  private static final int MAX_ACL_ENTRIES = 64;
  /** Larger than any value the size limit allows. */
  private static final int MAX_XATTR_VALUE = 1 << 20;

  /**
   * One ACL entry: byte {@code scope << 5 | type << 3 | permission} (AclEntryScope, AclEntryType
   * and FsAction ordinals), then the name as a string (null for unnamed entries).
   */
  public static void aclEntry(DataOutputStream o, AclEntry e) throws IOException {
    o.writeByte(e.getScope().ordinal() << 5 | e.getType().ordinal() << 3
        | e.getPermission().ordinal());
    str(o, e.getName());
  }

  public static AclEntry aclEntry(DataInputStream i) throws IOException {
    int b = i.readUnsignedByte();
    if (b >> 6 != 0) {
      throw new IOException("bad ACL entry byte " + b);
    }
    AclEntry.Builder e = new AclEntry.Builder()
        .setScope(AclEntryScope.values()[b >> 5 & 1])
        .setType(AclEntryType.values()[b >> 3 & 3])
        .setPermission(FsAction.values()[b & 7]);
    String name = str(i);
    if (name != null) {
      e.setName(name);
    }
    return e.build();
  }

  /** int length (-1 = null) + the bytes. */
  public static void bytes(DataOutputStream o, byte[] b) throws IOException {
    if (b == null) {
      o.writeInt(-1);
      return;
    }
    o.writeInt(b.length);
    o.write(b);
  }

  public static byte[] bytes(DataInputStream i) throws IOException {
    int n = i.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > MAX_XATTR_VALUE) {
      throw new IOException("bad value length " + n);
    }
    byte[] b = new byte[n];
    i.readFully(b);
    return b;
  }

  static void str(DataOutputStream o, String s) throws IOException {
    StringCodec.write(o, s);
  }

  static String str(DataInputStream i) throws IOException {
    return StringCodec.read(i);
  }
}
