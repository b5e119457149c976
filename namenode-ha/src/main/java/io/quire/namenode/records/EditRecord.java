package io.quire.namenode.records;

import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.permission.AclEntry;

/**
 * One NameNode mutation as it is journaled. Every value decided when the operation was
 * validated (times, inode ids, block ids, generation stamps, client names, the final
 * destination of a rename) is carried here, so that applying a record is deterministic: no
 * clock reads and no id generation happen during apply, on the active, at restart or on a
 * standby alike. Paths are absolute and normalized; files being written are named by inode id.
 *
 * <p>Encoding: see {@link RecordCodec}.
 */
public sealed interface EditRecord {

  RecordType type();

  /** A new directory {@code path} (its parent exists when applied). */
  record Mkdir(long inodeId, String path, short permission, String owner, String group,
      long time) implements EditRecord {
    public RecordType type() { return RecordType.MKDIR; }
  }

  /**
   * A new file under construction by {@code clientName}. With {@code overwrite} an existing
   * file at {@code path} is deleted first (with its blocks).
   */
  record CreateFile(long inodeId, String path, short permission, String owner, String group,
      short replication, long blockSize, long time, String clientName, String clientMachine,
      boolean overwrite) implements EditRecord {
    public RecordType type() { return RecordType.CREATE_FILE; }
  }

  /** A new last block of a file under construction. */
  record AddBlock(long fileId, long blockId, long generationStamp) implements EditRecord {
    public RecordType type() { return RecordType.ADD_BLOCK; }
  }

  /** The writer finished a block: its final length (state COMMITTED). */
  record CommitBlock(long fileId, long blockId, long numBytes) implements EditRecord {
    public RecordType type() { return RecordType.COMMIT_BLOCK; }
  }

  /** The last block is removed from the file (pipeline setup failed). */
  record AbandonBlock(long fileId, long blockId) implements EditRecord {
    public RecordType type() { return RecordType.ABANDON_BLOCK; }
  }

  /** hflush/hsync: the last block's length known so far. */
  record UpdateBlockLength(long fileId, long blockId, long numBytes) implements EditRecord {
    public RecordType type() { return RecordType.UPDATE_BLOCK_LENGTH; }
  }

  /** The file is closed: every block complete, lease released. */
  record CloseFile(long fileId, long time) implements EditRecord {
    public RecordType type() { return RecordType.CLOSE_FILE; }
  }

  /**
   * A closed file is opened again for append by {@code clientName} of {@code user} (null in
   * records of payload version 1, which had no user).
   */
  record ReopenForAppend(long fileId, String clientName, String clientMachine, long time,
      String user) implements EditRecord {
    public RecordType type() { return RecordType.REOPEN_FOR_APPEND; }
  }

  /** Moves {@code src} to {@code dst} (final path); an existing dst is replaced. */
  record Rename(String src, String dst, long time) implements EditRecord {
    public RecordType type() { return RecordType.RENAME; }
  }

  /** Deletes {@code path} and everything below it. */
  record Delete(String path, long time) implements EditRecord {
    public RecordType type() { return RecordType.DELETE; }
  }

  record SetPermission(String path, short permission) implements EditRecord {
    public RecordType type() { return RecordType.SET_PERMISSION; }
  }

  /** Null owner or group leaves that field unchanged. */
  record SetOwner(String path, String owner, String group) implements EditRecord {
    public RecordType type() { return RecordType.SET_OWNER; }
  }

  /** -1 leaves a time unchanged. */
  record SetTimes(String path, long modificationTime, long accessTime) implements EditRecord {
    public RecordType type() { return RecordType.SET_TIMES; }
  }

  record SetReplication(String path, short replication) implements EditRecord {
    public RecordType type() { return RecordType.SET_REPLICATION; }
  }

  /** Appends the blocks of {@code sources} (in order) to {@code target}; deletes the sources. */
  record Concat(String target, List<String> sources, long time) implements EditRecord {
    public Concat {
      sources = List.copyOf(sources);
    }

    public RecordType type() { return RecordType.CONCAT; }
  }

  /**
   * Cuts a file to {@code newLength}. With {@code recoveryGenerationStamp} 0 the cut is on a
   * block boundary and the file stays closed; otherwise the block holding the new end is kept,
   * the file is reopened for {@code clientName} and that block awaits recovery to its new
   * length under the new generation stamp.
   */
  record Truncate(long fileId, long newLength, long time, long recoveryGenerationStamp,
      String clientName, String clientMachine) implements EditRecord {
    public RecordType type() { return RecordType.TRUNCATE; }
  }

  /**
   * Copy-on-truncate (HDFS's copy of a block a snapshot holds): cuts a file to
   * {@code newLength} inside a block that a snapshot holds. That block leaves the file intact
   * (the snapshots keep it, and so does the copy until it is done); the file gets a new last
   * block {@code newBlockId} with stamp {@code recoveryGenerationStamp} and the kept prefix's
   * length, which recovery creates on the DataNodes by copying that prefix of the old replicas.
   * The file is reopened for {@code clientName} until the recovery commits, as for
   * {@link Truncate}.
   */
  record TruncateCopy(long fileId, long newLength, long time, long recoveryGenerationStamp,
      long newBlockId, String clientName, String clientMachine) implements EditRecord {
    public RecordType type() { return RecordType.TRUNCATE_COPY; }
  }

  /** Reserves generation stamps up to {@code generationStamp} (pipeline or block recovery). */
  record SetGenerationStamp(long generationStamp) implements EditRecord {
    public RecordType type() { return RecordType.SET_GENSTAMP; }
  }

  /** Pipeline recovery succeeded: the last block continues with a new stamp and length. */
  record UpdatePipeline(long fileId, long blockId, long newGenerationStamp, long numBytes)
      implements EditRecord {
    public RecordType type() { return RecordType.UPDATE_PIPELINE; }
  }

  /**
   * Lease recovery starts: the file's lease now belongs to {@code newHolder}, and (when
   * {@code blockId} is not 0) its last block is under recovery with the new generation stamp
   * {@code recoveryGenerationStamp}.
   */
  record ReassignLease(long fileId, String newHolder, long blockId, long recoveryGenerationStamp)
      implements EditRecord {
    public RecordType type() { return RecordType.REASSIGN_LEASE; }
  }

  /**
   * Block recovery finished: the last block has {@code newGenerationStamp} and {@code newLength}
   * (or is removed with {@code deleteBlock}); with {@code closeFile} the file is closed.
   */
  record CommitBlockSync(long fileId, long blockId, long newGenerationStamp, long newLength,
      boolean closeFile, boolean deleteBlock, long time) implements EditRecord {
    public RecordType type() { return RecordType.COMMIT_BLOCK_SYNC; }
  }

  /**
   * The records before it (in the same journal batch) answered the {@code @AtMostOnce} IPC call
   * {@code callId} of client {@code clientId}. Changes no namespace state: a standby tailing the
   * log (and a restart replaying it) puts a retry-cache entry for the call, so a repeat that
   * reaches it after a failover is answered without running again; {@code answer} and
   * {@code inodeId} say how to rebuild the answer from the namespace, {@code op} which call it
   * was (a call of another operation with the same ids is refused, not answered).
   */
  record RpcCall(byte[] clientId, int callId, CallAnswer answer, long inodeId, AtMostOnceOp op)
      implements EditRecord {
    public RpcCall {
      clientId = clientId.clone();
    }

    public RecordType type() { return RecordType.RPC_CALL; }

    @Override public byte[] clientId() {
      return clientId.clone();
    }

    @Override public boolean equals(Object o) {
      return o instanceof RpcCall r && java.util.Arrays.equals(clientId, r.clientId)
          && callId == r.callId && op == r.op && answer == r.answer && inodeId == r.inodeId;
    }

    @Override public int hashCode() {
      return java.util.Objects.hash(java.util.Arrays.hashCode(clientId), callId, op, answer,
          inodeId);
    }

    @Override public String toString() {
      return "RpcCall[callId=" + callId + ", op=" + op + ", answer=" + answer
          + ", inodeId=" + inodeId + "]";
    }
  }

  /**
   * The inode's ACL becomes {@code entries} and its permission bits {@code permission} (for an
   * extended ACL the group bits are the mask). {@code entries} are what the inode stores beyond
   * its permission bits, sorted as HDFS sorts them: the access entries other than owner, mask
   * and other (named users, the group entry, named groups), then the default entries. Empty:
   * the inode has no extended ACL. Every ACL operation, and a create or mkdir that inherited a
   * default ACL (right after its CREATE_FILE or MKDIR record), journals one.
   */
  record SetAcl(String path, short permission, List<AclEntry> entries) implements EditRecord {
    public SetAcl {
      entries = List.copyOf(entries);
    }

    public RecordType type() { return RecordType.SET_ACL; }
  }

  /**
   * Sets the extended attribute {@code name} (full name, namespace in lower case) to
   * {@code value} (null: no value), replacing one of that name. Whether it had to exist was
   * decided when the call was validated.
   */
  record SetXAttr(String path, String name, byte[] value) implements EditRecord {
    public SetXAttr {
      value = value == null ? null : value.clone();
    }

    public RecordType type() { return RecordType.SET_XATTR; }

    @Override public byte[] value() {
      return value == null ? null : value.clone();
    }

    @Override public boolean equals(Object o) {
      return o instanceof SetXAttr r && path.equals(r.path) && name.equals(r.name)
          && Arrays.equals(value, r.value);
    }

    @Override public int hashCode() {
      return java.util.Objects.hash(path, name, Arrays.hashCode(value));
    }

    @Override public String toString() {
      return "SetXAttr[path=" + path + ", name=" + name + ", value="
          + (value == null ? "null" : value.length + " bytes") + "]";
    }
  }

  /** Removes the extended attribute {@code name} (it exists when applied). */
  record RemoveXAttr(String path, String name) implements EditRecord {
    public RecordType type() { return RecordType.REMOVE_XATTR; }
  }

  /** The directory {@code path} becomes snapshottable (HDFS's allowSnapshot). */
  record AllowSnapshot(String path) implements EditRecord {
    public RecordType type() { return RecordType.ALLOW_SNAPSHOT; }
  }

  /** The directory {@code path}, without snapshots, stops being snapshottable. */
  record DisallowSnapshot(String path) implements EditRecord {
    public RecordType type() { return RecordType.DISALLOW_SNAPSHOT; }
  }

  /**
   * Snapshot {@code name} of the snapshottable directory {@code path}, with the id
   * {@code snapshotId} (unique in the namesystem), taken at {@code time}: the tree below
   * {@code path} as it is when the record is applied.
   */
  record CreateSnapshot(String path, int snapshotId, String name, long time)
      implements EditRecord {
    public RecordType type() { return RecordType.CREATE_SNAPSHOT; }
  }

  /**
   * Deletes snapshot {@code name} of {@code path} (whose modification time becomes
   * {@code time}, as HDFS sets it); blocks no longer referenced go too.
   */
  record DeleteSnapshot(String path, String name, long time) implements EditRecord {
    public RecordType type() { return RecordType.DELETE_SNAPSHOT; }
  }

  /** Renames snapshot {@code oldName} of {@code path} to {@code newName} at {@code time}. */
  record RenameSnapshot(String path, String oldName, String newName, long time)
      implements EditRecord {
    public RecordType type() { return RecordType.RENAME_SNAPSHOT; }
  }

  /**
   * The quotas of directory {@code path} become {@code nsQuota} (files + directories) and
   * {@code ssQuota} (bytes x replication); -1 clears one. The values are final: a quota the
   * caller left unchanged (HDFS's QUOTA_DONT_SET) carries its current value.
   */
  record SetQuota(String path, long nsQuota, long ssQuota) implements EditRecord {
    public RecordType type() { return RecordType.SET_QUOTA; }
  }
}
