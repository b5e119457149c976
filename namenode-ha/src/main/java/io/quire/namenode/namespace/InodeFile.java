package io.quire.namenode.namespace;

import io.quire.namenode.blocks.BlockInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A file: replication, block size, its blocks in order, and while it is open for writing
 * (under construction) the lease holder's client name and machine.
 */
public final class InodeFile extends Inode {
  private short replication;
  private final long blockSize;
  private final List<BlockInfo> blocks = new ArrayList<>(1);
  private String clientName;
  private String clientMachine;

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

  public void setUnderConstruction(String clientName, String clientMachine) {
    this.clientName = clientName;
    this.clientMachine = clientMachine;
  }

  public void clearUnderConstruction() {
    this.clientName = null;
    this.clientMachine = null;
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
