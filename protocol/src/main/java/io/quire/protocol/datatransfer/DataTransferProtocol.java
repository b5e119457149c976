package io.quire.protocol.datatransfer;

/**
 * Constants of Quire's streaming data-transfer protocol (TCP, big-endian, java.io.DataOutput
 * encodings), spoken by clients to DataNodes and by DataNodes to each other.
 *
 * <h2>Request</h2>
 * A connection carries one operation: {@code short version (=VERSION), byte opcode (Op.code),
 * token} (the block access token, see {@link WireIO#writeToken}; empty when tokens are off),
 * then the op's request body (see the *Request classes), then op-specific traffic. A DataNode
 * that enforces tokens checks the token against the body's block and the op's access mode
 * (each request's {@code accessMode()}) before it touches anything, and refuses with
 * ERROR_ACCESS_TOKEN:
 * <ul>
 *   <li><b>WRITE_BLOCK</b>: the receiver connects to the next target (forwarding the request
 *   with itself removed from the target list) and answers an {@link OpResponse}; on SUCCESS the
 *   writer streams {@link Packet}s, each answered by a {@link PipelineAck} that flows back up
 *   the pipeline after every downstream node has written the packet (and, with the packet's
 *   syncBlock flag, forced it to disk). The last node of a client's pipeline verifies each
 *   packet's CRCs and answers a mismatch with ERROR_CHECKSUM; the nodes before it forward and
 *   store without verifying (as in HDFS), and finalize a replica only once their downstream
 *   acknowledged every packet of it. The packet with lastPacketInBlock set (no data)
 *   finalizes the replica. A packet whose header a node refuses (see {@link PacketHeader}: bad
 *   lengths, or more data than that node accepts, or no buffer room) is answered with an ack
 *   carrying that node's error status, and the node closes the connection.</li>
 *   <li><b>READ_BLOCK</b>: an {@link OpResponse} (on SUCCESS: {@code chunkOffset} = the
 *   512-aligned offset where data starts, {@code length} = the replica's visible length), then
 *   packets until one with lastPacketInBlock set; checksums cover aligned 512-byte chunks.</li>
 *   <li><b>BLOCK_CHECKSUM</b>: an {@link OpResponse} with {@code blockCrc}, the CRC32C of the
 *   block's first {@code length} bytes composed from its chunk CRCs (Hadoop CrcUtil), and
 *   {@code bytesPerChecksum}.</li>
 *   <li><b>VISIBLE_LENGTH</b>: an {@link OpResponse} with {@code length} = bytes of the replica
 *   acknowledged to the writer (what a reader may read of a block under construction).</li>
 *   <li><b>RECOVERY_INIT</b> / <b>RECOVERY_UPDATE</b>: block recovery between DataNodes; an
 *   {@link OpResponse} with the replica's {@code length}, {@code generationStamp} and
 *   {@code replicaState}.</li>
 *   <li><b>RECOVERY_COPY</b>: copy on truncate ({@link BlockOpRequest}); the same answer about
 *   the new replica.</li>
 * </ul>
 * Errors: an {@link OpResponse} whose status is not SUCCESS, with a message naming the block.
 * Malformed input closes the connection after an error response where one can still be sent.
 */
public final class DataTransferProtocol {
  private DataTransferProtocol() {}

  /**
   * Version written first on every connection; a receiver rejects any other. 2: requests
   * carry a block access token after the opcode.
   */
  public static final short VERSION = 2;

  /**
   * Largest data part of a packet in this protocol; larger is a malformed frame. A DataNode may
   * accept less (quire.datanode.transfer.max-packet-size); see {@link PacketHeader}.
   */
  public static final int MAX_PACKET_DATA = 4 * 1024 * 1024;

  /** Largest string (client name, message) accepted in a frame. */
  public static final int MAX_STRING = 64 * 1024;

  /** Largest identifier or password of a block access token accepted in a request. */
  public static final int MAX_TOKEN_PART = 4096;

  /** Largest number of pipeline targets accepted in a WRITE_BLOCK request. */
  public static final int MAX_TARGETS = 64;
}
