package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.namespace.Acls;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.PathNames;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.namespace.StatusFactory;
import io.quire.namenode.namespace.Usage;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.CreateFile;
import io.quire.namenode.records.EditRecord.Mkdir;
import io.quire.namenode.records.EditRecord.ReopenForAppend;
import io.quire.namenode.records.EditRecord.SetAcl;
import io.quire.protocol.exceptions.AlreadyBeingCreatedException;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.permission.FsAction;

/**
 * create and append: the file becomes under construction by the client, who gets its lease.
 * A file still open by another client whose lease passed the soft limit is recovered first
 * (the caller gets RecoveryInProgressException and retries).
 */
public final class CreateOps {
  private final OpContext ctx;
  private final LeaseRecoveryOps recovery;

  public CreateOps(OpContext ctx, LeaseRecoveryOps recovery) {
    this.ctx = ctx;
    this.recovery = recovery;
  }

  public OpResult<InodeStatus> create(String path, short permission, String clientName,
      String clientMachine, boolean overwrite, boolean createParent, short replication,
      long blockSize) throws IOException {
    return create(path, permission, (short) -1, clientName, clientMachine, overwrite,
        createParent, replication, blockSize);
  }

  /**
   * @param unmasked the permission before the client's umask (-1: not sent), the mode of the
   *     file and new parents under a default ACL ({@link NewInodeModes})
   */
  public OpResult<InodeStatus> create(String path, short permission, short unmasked,
      String clientName, String clientMachine, boolean overwrite, boolean createParent,
      short replication, long blockSize) throws IOException {
    ResolvedPath p = ctx.state().tree().resolve(path, "create");
    String op = "create " + p.path();
    if (p.isRoot()) {
      throw new FileAlreadyExistsException(op + ": / is a directory");
    }
    PermissionChecker pc = ctx.checker();
    int existing = p.lastExistingDepth();
    pc.checkTraverse(p, Math.min(existing + 1, p.depth()));
    Inode deepest = p.inode(existing);
    Inode current = p.last();
    if (current == null && !deepest.isDirectory()) {
      throw new ParentNotDirectoryException(op + ": parent " + deepest.getFullPath()
          + " is a file, not a directory");
    }
    if (current != null) {
      if (current.isDirectory()) {
        throw new FileAlreadyExistsException(op + ": " + p.path() + " is a directory");
      }
      InodeFile f = (InodeFile) current;
      // Permissions before the lease: a caller who may not replace the file learns nothing
      // of its writer and cannot start its recovery.
      pc.check(p.parent(), FsAction.WRITE_EXECUTE);
      if (overwrite) {
        pc.check(f, FsAction.WRITE);
      }
      if (f.isUnderConstruction()) {
        return recovery.recoverForTakeOver(f, clientName, pc.caller().user(), op);
      }
      if (!overwrite) {
        throw new FileAlreadyExistsException(op + ": file " + p.path() + " already exists");
      }
    }
    if (existing < p.depth() - 1 && !createParent) {
      throw new FileNotFoundException(op + ": parent " + PathNames.parent(p.path())
          + " does not exist");
    }
    pc.check(p.inode(Math.min(existing, p.depth() - 1)), FsAction.WRITE_EXECUTE);
    if (current == null) {
      FsLimits.checkNewPath(op, p, existing, ctx.options());
      FsLimits.checkDirectoryItems(op, deepest, ctx.options());
      QuotaCheck.verify((InodeDirectory) deepest, p.depth() - existing, 0);
    }
    ReplicationLimits.check(op, replication, ctx.options());
    ReplicationLimits.checkBlockSize(op, blockSize, ctx.options());
    long id = ctx.state().lastIds().getLastInodeId();
    long now = ctx.now();
    String user = pc.caller().user();
    String group = deepest.getGroup();
    List<EditRecord> records = new ArrayList<>(1);
    NewInodeModes modes = new NewInodeModes(
        (current != null ? p.parent() : deepest).getAcl());
    for (int d = existing + 1; d < p.depth(); d++) {
      String dir = PathNames.join(p.components(), d);
      Acls.Stored s = modes.next((short) ((permission | 0300) & 01777), unmasked, true);
      records.add(new Mkdir(++id, dir, s.permission(), user, group, now));
      if (!s.entries().isEmpty()) {
        records.add(new SetAcl(dir, s.permission(), s.entries()));
      }
    }
    long fileId = ++id;
    Acls.Stored s = modes.next((short) (permission & 01777), unmasked, false);
    records.add(new CreateFile(fileId, p.path(), s.permission(), user, group,
        replication, blockSize, now, clientName, clientMachine, current != null));
    if (!s.entries().isEmpty()) {
      records.add(new SetAcl(p.path(), s.permission(), s.entries()));
    }
    return OpResult.after(records,
        () -> StatusFactory.status(ctx.state().tree().getById(fileId), p.path()));
  }

  public OpResult<LocatedBlock> append(String path, String clientName, String clientMachine)
      throws IOException {
    InodeFile f = FileOpsSupport.file(ctx, path, "append", FsAction.WRITE);
    String op = "append " + f.getFullPath();
    if (f.isUnderConstruction()) {
      return recovery.recoverForTakeOver(f, clientName, ctx.checker().caller().user(), op);
    }
    BlockInfo last = f.getLastBlock();
    if (last != null && !ctx.state().blockManager().isCompleteOrMinReplicated(last)) {
      throw new AlreadyBeingCreatedException(op + ": last block " + last
          + " is not complete yet; retry later");
    }
    if (last != null && Usage.isCharged(last) && last.getNumBytes() < f.getPreferredBlockSize()) {
      // The last block is reopened: charged at the preferred block size again (as HDFS).
      QuotaCheck.verify(f.getParent(), 0,
          (f.getPreferredBlockSize() - last.getNumBytes()) * f.getReplication());
    }
    EditRecord rec = new ReopenForAppend(f.getId(), clientName, clientMachine, ctx.now(),
        ctx.checker().caller().user());
    return OpResult.after(List.of(rec), () -> appendAnswer(ctx, f));
  }

  /**
   * What append answers for {@code f}: its last block when it has room (the writer continues
   * it on the nodes holding it: the pipeline is set to them, on the active only; a standby or
   * a restarted NameNode learns the replicas from reports), else null. Needs the write lock.
   */
  static LocatedBlock appendAnswer(OpContext ctx, InodeFile f) {
    BlockInfo b = f.getLastBlock();
    if (b == null || b.getNumBytes() >= f.getPreferredBlockSize()) {
      return null;
    }
    ctx.state().blockManager().setPipelineToReplicas(b);
    return ctx.state().blockManager().locate(b, f.computeLength() - b.getNumBytes(), null);
  }
}
