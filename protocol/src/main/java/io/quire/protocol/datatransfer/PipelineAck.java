package io.quire.protocol.datatransfer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Acknowledgement of one packet, flowing from the last DataNode of a pipeline back to the
 * writer: {@code long seqno, byte n, n status bytes}, one status per pipeline node in pipeline
 * order (the sender's own first). Every node prepends its own status to its downstream's ack.
 */
public final class PipelineAck {
  private final long seqno;
  private final List<Status> replies;

  public PipelineAck(long seqno, List<Status> replies) {
    this.seqno = seqno;
    this.replies = List.copyOf(replies);
  }

  public long getSeqno() { return seqno; }
  public List<Status> getReplies() { return replies; }

  /** Index of the first node that did not succeed, or -1. */
  public int firstFailedIndex() {
    for (int i = 0; i < replies.size(); i++) {
      if (replies.get(i) != Status.SUCCESS) return i;
    }
    return -1;
  }

  /** This ack with {@code own} put in front (what a node sends upstream). */
  public PipelineAck prepend(Status own) {
    List<Status> r = new ArrayList<>(replies.size() + 1);
    r.add(own);
    r.addAll(replies);
    return new PipelineAck(seqno, r);
  }

  public void write(DataOutput out) throws IOException {
    out.writeLong(seqno);
    out.writeByte(replies.size());
    for (Status s : replies) {
      out.writeByte(s.ordinal());
    }
  }

  public static PipelineAck read(DataInput in) throws IOException {
    long seq = in.readLong();
    int n = in.readUnsignedByte();
    if (n > DataTransferProtocol.MAX_TARGETS + 1) {
      throw new MalformedFrameException("ack with " + n + " replies");
    }
    List<Status> r = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      r.add(Status.fromOrdinal(in.readByte()));
    }
    return new PipelineAck(seq, r);
  }

  @Override public String toString() { return "ack " + seqno + " " + replies; }
}
