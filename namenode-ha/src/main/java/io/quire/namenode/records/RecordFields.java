package io.quire.namenode.records;

import io.quire.namenode.records.EditRecord.*;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Field layout of each record type (see {@link RecordCodec} for the framing). */
final class RecordFields {
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
    };
  }

  static void str(DataOutputStream o, String s) throws IOException {
    StringCodec.write(o, s);
  }

  static String str(DataInputStream i) throws IOException {
    return StringCodec.read(i);
  }
}
