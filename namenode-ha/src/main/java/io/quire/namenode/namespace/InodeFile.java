package io.quire.namenode.namespace;

import io.quire.namenode.blocks.BlockInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A file: replication, block size, its blocks in order, and while it is open for writing
 * (under construction) the lease holder's client name and machine and the user the lease
 * belongs to (the writer must present both).
 */
public final class InodeFile extends Inode {
  private short replication;
  private final long blockSize;
  private final List<BlockInfo> blocks = new ArrayList<>(1);
  private String clientName;
  private String clientMachine;
  private String leaseUser;

  public InodeFile(long id, String name, short permission, String owner, String group,
      long time, short replication, long blockSize) {
    super(id, name, permission, owner, group, time);
    this.replication = replication;
    this.blockSize = blockSize;
  }

  @Override public boolean isDirectory() { return false; }

  public short getReplication() { return replication; }
  public void setReplication(short replication) { this.replication = replication; }
  public long getPreferredBlockSize() { return blockSize; }

  /** The blocks, in file order (live list: mutate only while applying records). */
  public List<BlockInfo> getBlocks() { return blocks; }

  public BlockInfo getLastBlock() {
    return blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
  }

  public boolean isUnderConstruction() { return clientName != null; }
  public String getClientName() { return clientName; }
  public String getClientMachine() { return clientMachine; }

  /**
   * The user the lease belongs to: the creating or appending user; "" (no client user) while
   * the NameNode recovers or truncates the file; null only for files opened before leases
   * carried a user (journal record version 1, image versions 1 and 2): the client name alone
   * is checked then.
   */
  public String getLeaseUser() { return leaseUser; }

  public void setUnderConstruction(String clientName, String clientMachine, String leaseUser) {
    this.clientName = clientName;
    this.clientMachine = clientMachine;
    this.leaseUser = leaseUser;
  }

  public void clearUnderConstruction() {
    this.clientName = null;
    this.clientMachine = null;
    this.leaseUser = null;
  }

  /** Sum of the block lengths known to the NameNode. */
  public long computeLength() {
    long len = 0;
    for (int i = 0; i < blocks.size(); i++) {
      len += blocks.get(i).getNumBytes();
    }
    return len;
  }
}
