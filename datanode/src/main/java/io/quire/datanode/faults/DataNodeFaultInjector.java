package io.quire.datanode.faults;

import io.quire.protocol.faults.FaultInjector;
import java.nio.ByteBuffer;

/** The fault-injection points of one DataNode ({@link FaultInjector}). */
public final class DataNodeFaultInjector extends FaultInjector<DataNodeFaultInjector.Point> {
  /** Places in the DataNode's code where a test can inject behaviour. */
  public enum Point {
    /**
     * A packet's bytes as received, before they are verified, forwarded or written (context:
     * {@link PacketData}). Tests corrupt them here as if the hop into this node had.
     */
    PACKET_RECEIVED,
    /**
     * After a packet was read (and verified where this node verifies), before it is written
     * and forwarded (context: the seqno).
     */
    AFTER_RECEIVE_PACKET,
    /**
     * After a packet was forwarded downstream, before its data is written to this node's
     * replica (context: {@link PacketData}). Tests corrupt it here for a replica that differs
     * from its downstream's copy.
     */
    BEFORE_PACKET_WRITE,
    /**
     * Before a received packet's data is written to the replica's volume (context: the
     * replica). Tests throw the IOException of a full disk ("No space left on device") or
     * delay here for a slow one.
     */
    BEFORE_VOLUME_WRITE,
    /** After the last packet was written and synced, before the replica is finalized. */
    BEFORE_FINALIZE,
    /**
     * After the directory holding an RBW replica's files was fsynced, on the replica's first
     * hsync (context: the replica). Tests count the fsyncs here.
     */
    AFTER_RBW_DIRECTORY_SYNC,
    /** Before an ack is sent upstream. */
    BEFORE_SEND_ACK,
    /**
     * When recovery, a delete or a failed volume stops a block's writer, before its
     * connections are cut (context: the block). Tests learn here that a write ended early
     * on purpose.
     */
    BEFORE_STOP_WRITER,
    /** Before a heartbeat is sent to a NameNode. */
    BEFORE_HEARTBEAT
  }

  /**
   * A received write packet: its seqno, block offset, the number of pipeline nodes after this
   * one, and its data (a view of the receive buffer: changing it changes the packet).
   */
  public record PacketData(long seqno, long offsetInBlock, int downstreamNodes,
      ByteBuffer data) {}
}
