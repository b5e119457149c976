package io.quire.namenode.rpc;

import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.ops.OpResult;
import io.quire.namenode.records.AtMostOnceOp;
import io.quire.namenode.records.CallAnswer;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.CloseFile;
import io.quire.namenode.records.EditRecord.CreateFile;
import io.quire.namenode.records.EditRecord.ReopenForAppend;
import io.quire.namenode.records.EditRecord.RpcCall;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.ipc.Server;

/**
 * Adds an {@link RpcCall} record after the records of an {@code @AtMostOnce} call made over
 * IPC, so that NameNodes replaying the journal (standbys, a restart) know the call was done and
 * how to answer its repeat. Which calls record what:
 * <ul>
 *   <li>create: {@link CallAnswer#FILE_STATUS} of the created file;</li>
 *   <li>append: {@link CallAnswer#LAST_BLOCK} of the reopened file;</li>
 *   <li>delete, complete (when it closed the file): {@link CallAnswer#TRUE};</li>
 *   <li>rename, concat, updatePipeline, deleteSnapshot, renameSnapshot:
 *   {@link CallAnswer#NONE};</li>
 *   <li>createSnapshot: {@link CallAnswer#NONE} with the snapshot id in the inode id field
 *   (the answer, the snapshot's path, is looked up by id).</li>
 * </ul>
 * A call that journaled nothing records nothing (running it again gives the same answer);
 * addBlock recognises its own retries from the namespace (see AddBlockOps).
 */
final class AtMostOnceRecords {
  private AtMostOnceRecords() {}

  /** How a call's records become its answer kind, or null to record nothing. */
  @FunctionalInterface
  interface Derivation {
    RpcCall derive(byte[] clientId, int callId, AtMostOnceOp op, List<EditRecord> records);
  }

  static final Derivation CREATE = (id, call, op, records) -> {
    for (EditRecord r : records) {
      if (r instanceof CreateFile c) {
        return new RpcCall(id, call, CallAnswer.FILE_STATUS, c.inodeId(), op);
      }
    }
    return null;
  };

  static final Derivation APPEND = (id, call, op, records) -> {
    for (EditRecord r : records) {
      if (r instanceof ReopenForAppend a) {
        return new RpcCall(id, call, CallAnswer.LAST_BLOCK, a.fileId(), op);
      }
    }
    return null;
  };

  static final Derivation COMPLETE = (id, call, op, records) ->
      records.stream().anyMatch(r -> r instanceof CloseFile)
          ? new RpcCall(id, call, CallAnswer.TRUE, 0, op) : null;

  /** createSnapshot: the snapshot id (in the inode id field) names the answer's snapshot. */
  static final Derivation CREATE_SNAPSHOT = (id, call, op, records) -> {
    for (EditRecord r : records) {
      if (r instanceof EditRecord.CreateSnapshot c) {
        return new RpcCall(id, call, CallAnswer.NONE, c.snapshotId(), op);
      }
    }
    return null;
  };

  static final Derivation TRUE_IF_ANY = (id, call, op, records) ->
      new RpcCall(id, call, CallAnswer.TRUE, 0, op);

  static final Derivation VOID = (id, call, op, records) ->
      new RpcCall(id, call, CallAnswer.NONE, 0, op);

  /**
   * {@code v}, a call of {@code op}, with the call's {@link RpcCall} record appended to whatever
   * it journals, when it runs inside an IPC call with a valid client id.
   */
  static <T> Namesystem.Validation<T> recorded(AtMostOnceOp op, Derivation d,
      Namesystem.Validation<T> v) {
    byte[] clientId = Server.getClientId();
    int callId = Server.getCallId();
    if (clientId.length != 16 || callId < 0) {
      return v;
    }
    return () -> {
      OpResult<T> r = v.validate();
      if (r.records().isEmpty()) {
        return r;
      }
      RpcCall call = d.derive(clientId, callId, op, r.records());
      if (call == null) {
        return r;
      }
      List<EditRecord> records = new ArrayList<>(r.records().size() + 1);
      records.addAll(r.records());
      records.add(call);
      return OpResult.after(records, r.answer());
    };
  }
}
