package io.quire.namenode.ops;

import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.PathNames;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.*;

/**
 * Before a record is applied, tells each inode it will change ({@link Inode#changed}), so
 * that the next snapshot copies it again instead of sharing its previous copy. Every record
 * type must be listed here: a new type that changes an inode and is missing would let a later
 * snapshot show a stale copy, so an unknown type fails loudly instead.
 */
final class SnapshotInvalidation {
  private final NamespaceState s;

  SnapshotInvalidation(NamespaceState s) {
    this.s = s;
  }

  void before(EditRecord rec) {
    switch (rec.type()) {
      case MKDIR -> parent(((Mkdir) rec).path());
      case CREATE_FILE -> parent(((CreateFile) rec).path());
      case RENAME -> {
        path(((Rename) rec).src());
        parent(((Rename) rec).dst());
      }
      case DELETE -> path(((Delete) rec).path());
      case SET_PERMISSION -> path(((SetPermission) rec).path());
      case SET_OWNER -> path(((SetOwner) rec).path());
      case SET_TIMES -> path(((SetTimes) rec).path());
      case SET_REPLICATION -> path(((SetReplication) rec).path());
      case SET_ACL -> path(((SetAcl) rec).path());
      case SET_XATTR -> path(((SetXAttr) rec).path());
      case REMOVE_XATTR -> path(((RemoveXAttr) rec).path());
      case CONCAT -> {
        path(((Concat) rec).target());
        ((Concat) rec).sources().forEach(this::path);
      }
      case ADD_BLOCK -> id(((AddBlock) rec).fileId());
      case COMMIT_BLOCK -> id(((CommitBlock) rec).fileId());
      case ABANDON_BLOCK -> id(((AbandonBlock) rec).fileId());
      case UPDATE_BLOCK_LENGTH -> id(((UpdateBlockLength) rec).fileId());
      case CLOSE_FILE -> id(((CloseFile) rec).fileId());
      case REOPEN_FOR_APPEND -> id(((ReopenForAppend) rec).fileId());
      case TRUNCATE -> id(((Truncate) rec).fileId());
      case TRUNCATE_COPY -> id(((TruncateCopy) rec).fileId());
      case UPDATE_PIPELINE -> id(((UpdatePipeline) rec).fileId());
      case REASSIGN_LEASE -> id(((ReassignLease) rec).fileId());
      case COMMIT_BLOCK_SYNC -> id(((CommitBlockSync) rec).fileId());
      // no inode changes, or the snapshot applier invalidates what it changes itself; a
      // quota is not part of a snapshot copy (InodeFeatures.frozenCopy)
      case SET_QUOTA, SET_GENSTAMP, RPC_CALL, ALLOW_SNAPSHOT, DISALLOW_SNAPSHOT, CREATE_SNAPSHOT,
          DELETE_SNAPSHOT, RENAME_SNAPSHOT -> { }
      default -> throw new IllegalStateException("no snapshot invalidation for " + rec.type()
          + ": list it in SnapshotInvalidation");
    }
  }

  private void path(String path) {
    Inode i = s.tree().get(path);
    if (i != null) {
      i.changed();
    }
  }

  private void parent(String path) {
    path(PathNames.parent(path));
  }

  private void id(long inodeId) {
    Inode i = s.tree().getById(inodeId);
    if (i != null) {
      i.changed();
    }
  }
}
