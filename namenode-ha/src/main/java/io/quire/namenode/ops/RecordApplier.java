package io.quire.namenode.ops;

import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.*;

/**
 * Applies records to the {@link NamespaceState}: the only code that changes it, used alike by
 * the active after journaling, at startup replay, and by a standby tailing the journal.
 * A record that does not fit the state (a bug or a corrupt journal) throws
 * IllegalStateException.
 */
public final class RecordApplier {
  private final NamespaceState state;
  private final TreeApplier tree;
  private final FileApplier files;
  private final SnapshotApplier snapshots;
  private final SnapshotInvalidation invalidation;

  public RecordApplier(NamespaceState state) {
    this.state = state;
    this.tree = new TreeApplier(state);
    this.files = new FileApplier(state);
    this.snapshots = new SnapshotApplier(state);
    this.invalidation = new SnapshotInvalidation(state);
  }

  public void apply(EditRecord rec) {
    invalidation.before(rec);
    switch (rec.type()) {
      case MKDIR -> tree.mkdir((Mkdir) rec);
      case CREATE_FILE -> tree.createFile((CreateFile) rec);
      case RENAME -> tree.rename((Rename) rec);
      case DELETE -> tree.delete((Delete) rec);
      case SET_PERMISSION -> tree.setPermission((SetPermission) rec);
      case SET_OWNER -> tree.setOwner((SetOwner) rec);
      case SET_TIMES -> tree.setTimes((SetTimes) rec);
      case SET_REPLICATION -> tree.setReplication((SetReplication) rec);
      case CONCAT -> tree.concat((Concat) rec);
      case ADD_BLOCK -> files.addBlock((AddBlock) rec);
      case COMMIT_BLOCK -> files.commitBlock((CommitBlock) rec);
      case ABANDON_BLOCK -> files.abandonBlock((AbandonBlock) rec);
      case UPDATE_BLOCK_LENGTH -> files.updateBlockLength((UpdateBlockLength) rec);
      case CLOSE_FILE -> files.closeFile((CloseFile) rec);
      case REOPEN_FOR_APPEND -> files.reopenForAppend((ReopenForAppend) rec);
      case TRUNCATE -> files.truncate((Truncate) rec);
      case TRUNCATE_COPY -> files.truncateCopy((TruncateCopy) rec);
      case SET_GENSTAMP ->
          state.lastIds().seenGenerationStamp(((SetGenerationStamp) rec).generationStamp());
      case UPDATE_PIPELINE -> files.updatePipeline((UpdatePipeline) rec);
      case REASSIGN_LEASE -> files.reassignLease((ReassignLease) rec);
      case COMMIT_BLOCK_SYNC -> files.commitBlockSync((CommitBlockSync) rec);
      case SET_ACL -> tree.setAcl((SetAcl) rec);
      case SET_XATTR -> tree.setXAttr((SetXAttr) rec);
      case REMOVE_XATTR -> tree.removeXAttr((RemoveXAttr) rec);
      case ALLOW_SNAPSHOT -> snapshots.allow((AllowSnapshot) rec);
      case DISALLOW_SNAPSHOT -> snapshots.disallow((DisallowSnapshot) rec);
      case CREATE_SNAPSHOT -> snapshots.create((CreateSnapshot) rec);
      case DELETE_SNAPSHOT -> snapshots.delete((DeleteSnapshot) rec);
      case RENAME_SNAPSHOT -> snapshots.rename((RenameSnapshot) rec);
      case SET_QUOTA -> tree.setQuota((SetQuota) rec);
      case RPC_CALL -> { } // retry-cache bookkeeping only (Namesystem#replay), no namespace change
      default -> throw new IllegalStateException("no apply for " + rec.type());
    }
  }
}
