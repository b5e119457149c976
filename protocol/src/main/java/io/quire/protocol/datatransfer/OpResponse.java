package io.quire.protocol.datatransfer;

import io.quire.protocol.types.ReplicaState;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Answer to an operation: {@code byte status, string message, string firstBadLink,
 * long length, long generationStamp, long chunkOffset, int bytesPerChecksum, int blockCrc,
 * byte replicaState}. Fields an op does not use are 0 / "".
 * {@code firstBadLink} names the downstream node (host:port) a WRITE_BLOCK could not reach.
 */
public final class OpResponse {
  private final Status status;
  private final String message;
  private final String firstBadLink;
  private final long length;
  private final long generationStamp;
  private final long chunkOffset;
  private final int bytesPerChecksum;
  private final int blockCrc;
  private final ReplicaState replicaState;

  public OpResponse(Status status, String message, String firstBadLink, long length,
      long generationStamp, long chunkOffset, int bytesPerChecksum, int blockCrc,
      ReplicaState replicaState) {
    this.status = status;
    this.message = message == null ? "" : message;
    this.firstBadLink = firstBadLink == null ? "" : firstBadLink;
    this.length = length;
    this.generationStamp = generationStamp;
    this.chunkOffset = chunkOffset;
    this.bytesPerChecksum = bytesPerChecksum;
    this.blockCrc = blockCrc;
    this.replicaState = replicaState == null ? ReplicaState.FINALIZED : replicaState;
  }

  public static OpResponse success() {
    return new OpResponse(Status.SUCCESS, "", "", 0, 0, 0, 0, 0, null);
  }

  public static OpResponse error(Status status, String message) {
    return new OpResponse(status, message, "", 0, 0, 0, 0, 0, null);
  }

  public Status getStatus() { return status; }
  public String getMessage() { return message; }
  public String getFirstBadLink() { return firstBadLink; }
  public long getLength() { return length; }
  public long getGenerationStamp() { return generationStamp; }
  public long getChunkOffset() { return chunkOffset; }
  public int getBytesPerChecksum() { return bytesPerChecksum; }
  public int getBlockCrc() { return blockCrc; }
  public ReplicaState getReplicaState() { return replicaState; }
  public boolean isSuccess() { return status == Status.SUCCESS; }

  public void write(DataOutput out) throws IOException {
    out.writeByte(status.ordinal());
    WireIO.writeString(out, message);
    WireIO.writeString(out, firstBadLink);
    out.writeLong(length);
    out.writeLong(generationStamp);
    out.writeLong(chunkOffset);
    out.writeInt(bytesPerChecksum);
    out.writeInt(blockCrc);
    out.writeByte(replicaState.ordinal());
  }

  public static OpResponse read(DataInput in) throws IOException {
    Status s = Status.fromOrdinal(in.readByte());
    String msg = WireIO.readString(in);
    String bad = WireIO.readString(in);
    long len = in.readLong();
    long gs = in.readLong();
    long co = in.readLong();
    int bpc = in.readInt();
    int crc = in.readInt();
    int rs = in.readByte();
    if (rs < 0 || rs >= ReplicaState.values().length) {
      throw new MalformedFrameException("unknown replica state " + rs);
    }
    return new OpResponse(s, msg, bad, len, gs, co, bpc, crc, ReplicaState.values()[rs]);
  }

  @Override public String toString() {
    return status + (message.isEmpty() ? "" : ": " + message);
  }
}
