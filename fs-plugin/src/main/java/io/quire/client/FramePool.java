package io.quire.client;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Packet frame buffers of acknowledged packets kept for the next packets, shared by the output
 * streams of the process (and by block readers, for packets that do not fit the caller's
 * buffer). Frames of at least {@link #DIRECT_MIN} bytes are direct, so a packet leaves through
 * (or arrives from) the socket's channel with no copy through the JDK's temporary buffer; a
 * direct buffer is costly to allocate and is freed only after a garbage collection, so they
 * are reused (one stream after another, too) instead of allocated per packet or per file.
 * Smaller frames (a partial chunk after hflush, empty packets) are plain heap buffers, not
 * pooled. At most {@link #MAX_POOLED_BYTES} are kept; thread-safe.
 */
final class FramePool {
  /** Frames this large or larger are direct and pooled. */
  static final int DIRECT_MIN = 16 * 1024;
  /** Most bytes of frames kept in the pool (what is given back beyond that is dropped). */
  static final long MAX_POOLED_BYTES = 16L << 20;

  private static final FramePool SHARED = new FramePool();

  private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
  private long pooledBytes;

  /** The process-wide pool. */
  static FramePool shared() { return SHARED; }

  /**
   * A cleared buffer of at least {@code length} bytes: a pooled or new direct one from
   * {@link #DIRECT_MIN} bytes on, a new heap one below.
   */
  ByteBuffer take(int length) {
    if (length < DIRECT_MIN) {
      return ByteBuffer.allocate(length);
    }
    synchronized (this) {
      for (Iterator<ByteBuffer> it = free.iterator(); it.hasNext(); ) {
        ByteBuffer b = it.next();
        if (b.capacity() >= length) {
          it.remove();
          pooledBytes -= b.capacity();
          return b.clear();
        }
      }
    }
    return ByteBuffer.allocateDirect(length);
  }

  /** Gives back a frame nobody uses any more (null and heap buffers are ignored). */
  void give(ByteBuffer b) {
    if (b == null || !b.isDirect()) {
      return;
    }
    synchronized (this) {
      if (pooledBytes + b.capacity() <= MAX_POOLED_BYTES) {
        free.addFirst(b);
        pooledBytes += b.capacity();
      }
    }
  }

  /** Bytes of frames in the pool now. */
  synchronized long pooledBytes() { return pooledBytes; }
}
