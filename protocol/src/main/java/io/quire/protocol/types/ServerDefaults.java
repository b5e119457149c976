package io.quire.protocol.types;

/** Defaults the NameNode applies, told to clients so that they agree with it. */
public final class ServerDefaults {
  private final long blockSize;
  private final int bytesPerChecksum;
  private final int packetSize;
  private final short replication;
  private final long minBlockSize;

  public ServerDefaults(long blockSize, int bytesPerChecksum, int packetSize, short replication,
      long minBlockSize) {
    this.blockSize = blockSize;
    this.bytesPerChecksum = bytesPerChecksum;
    this.packetSize = packetSize;
    this.replication = replication;
    this.minBlockSize = minBlockSize;
  }

  public long getBlockSize() { return blockSize; }
  public int getBytesPerChecksum() { return bytesPerChecksum; }
  public int getPacketSize() { return packetSize; }
  public short getReplication() { return replication; }
  public long getMinBlockSize() { return minBlockSize; }
}
