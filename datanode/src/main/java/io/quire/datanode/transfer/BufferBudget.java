package io.quire.datanode.transfer;

import java.io.InterruptedIOException;

/**
 * The packet buffer memory of one DataNode's data transfers, bounded in total
 * ({@code quire.datanode.transfer.buffer-budget}). Every {@link PacketBuffer} reserves the bytes
 * it grows by here and gives them back when closed, so however many connections are open and
 * whatever their peers' packet headers declare, the buffers together stay within the budget.
 * A connection that cannot get its bytes waits up to {@code quire.datanode.transfer.buffer-wait.ms}
 * for others to release theirs and is then refused ({@link BufferBudgetExhaustedException}).
 * Thread-safe.
 */
public final class BufferBudget {
  private final long capacity;
  private final long waitMs;
  private long reserved;

  /**
   * @param capacity bytes all buffers may hold together
   * @param waitMs how long a reservation waits for room before it is refused
   */
  public BufferBudget(long capacity, long waitMs) {
    if (capacity <= 0 || waitMs < 0) {
      throw new IllegalArgumentException("buffer budget " + capacity + " B, wait " + waitMs
          + " ms");
    }
    this.capacity = capacity;
    this.waitMs = waitMs;
  }

  /**
   * Reserves {@code bytes}, waiting up to the configured time for room.
   *
   * @param what the operation and block, for the refusal message
   * @throws BufferBudgetExhaustedException when there is no room in time (or ever)
   */
  synchronized void reserve(long bytes, String what) throws BufferBudgetExhaustedException,
      InterruptedIOException {
    long deadline = System.nanoTime() + waitMs * 1_000_000;
    while (bytes > capacity - reserved) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (bytes > capacity || left <= 0) {
        throw new BufferBudgetExhaustedException(what + ": no room for a " + bytes
            + "-byte packet buffer within " + waitMs + " ms: " + reserved + " of the "
            + capacity + " bytes of quire.datanode.transfer.buffer-budget are in use by other"
            + " transfers; retry later or elsewhere");
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException(what + ": interrupted waiting for buffer room");
      }
    }
    reserved += bytes;
  }

  /** Gives back {@code bytes} reserved earlier. */
  synchronized void release(long bytes) {
    reserved -= bytes;
    notifyAll();
  }

  /** Bytes held by packet buffers right now. */
  public synchronized long getReservedBytes() { return reserved; }

  public long getCapacity() { return capacity; }
}
