package io.quire.protocol.datatransfer;

/**
 * A packet header that breaks the rules of {@link PacketHeader}: a data length that is negative
 * or above the receiver's limit, a negative offset, a checksum length that does not match, or
 * unknown flags. The receiver answers the declared {@link #getSeqno() seqno} with an
 * ERROR_INVALID ack and closes the connection.
 */
public class InvalidPacketHeaderException extends MalformedFrameException {
  private static final long serialVersionUID = 1L;

  private final long seqno;
  private final boolean tooLarge;

  public InvalidPacketHeaderException(long seqno, String message, boolean tooLarge) {
    super(message);
    this.seqno = seqno;
    this.tooLarge = tooLarge;
  }

  /** The seqno the rejected header declared. */
  public long getSeqno() { return seqno; }

  /** Whether the header was rejected only for declaring more data than the receiver accepts. */
  public boolean isTooLarge() { return tooLarge; }
}
