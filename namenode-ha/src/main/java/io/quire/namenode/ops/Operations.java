package io.quire.namenode.ops;

/** The operation validators of one namesystem, sharing one {@link OpContext}. */
public final class Operations {
  private final ReadOps reads;
  private final DirectoryOps directories;
  private final RenameOp rename;
  private final AttributeOps attributes;
  private final CreateOps create;
  private final AddBlockOps addBlock;
  private final CompleteOps complete;
  private final PipelineOps pipeline;
  private final ConcatTruncateOps concatTruncate;
  private final LeaseRecoveryOps recovery;
  private final BlockSyncOps blockSync;
  private final AclOps acls;
  private final XAttrOps xattrs;
  private final SnapshotOps snapshots;
  private final QuotaOps quotas;

  public Operations(OpContext ctx) {
    this.recovery = new LeaseRecoveryOps(ctx);
    this.reads = new ReadOps(ctx);
    this.directories = new DirectoryOps(ctx);
    this.rename = new RenameOp(ctx);
    this.attributes = new AttributeOps(ctx);
    this.create = new CreateOps(ctx, recovery);
    this.addBlock = new AddBlockOps(ctx);
    this.complete = new CompleteOps(ctx);
    this.pipeline = new PipelineOps(ctx);
    this.concatTruncate = new ConcatTruncateOps(ctx, recovery);
    this.blockSync = new BlockSyncOps(ctx);
    this.acls = new AclOps(ctx);
    this.xattrs = new XAttrOps(ctx);
    this.snapshots = new SnapshotOps(ctx);
    this.quotas = new QuotaOps(ctx);
  }

  public ReadOps reads() { return reads; }
  public DirectoryOps directories() { return directories; }
  public RenameOp rename() { return rename; }
  public AttributeOps attributes() { return attributes; }
  public CreateOps create() { return create; }
  public AddBlockOps addBlock() { return addBlock; }
  public CompleteOps complete() { return complete; }
  public PipelineOps pipeline() { return pipeline; }
  public ConcatTruncateOps concatTruncate() { return concatTruncate; }
  public LeaseRecoveryOps recovery() { return recovery; }
  public BlockSyncOps blockSync() { return blockSync; }
  public AclOps acls() { return acls; }
  public XAttrOps xattrs() { return xattrs; }
  public SnapshotOps snapshots() { return snapshots; }
  public QuotaOps quotas() { return quotas; }
}
