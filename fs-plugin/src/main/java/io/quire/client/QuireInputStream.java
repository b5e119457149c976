package io.quire.client;

import static org.apache.hadoop.fs.statistics.StreamStatisticNames.STREAM_READ_BYTES;
import static org.apache.hadoop.fs.statistics.StreamStatisticNames.STREAM_READ_EXCEPTIONS;
import static org.apache.hadoop.fs.statistics.StreamStatisticNames.STREAM_READ_OPERATIONS;
import static org.apache.hadoop.fs.statistics.StreamStatisticNames.STREAM_READ_SEEK_OPERATIONS;
import static org.apache.hadoop.fs.statistics.StreamStatisticNames.STREAM_READ_UNBUFFERED;
import static org.apache.hadoop.fs.statistics.impl.IOStatisticsBinding.iostatisticsStore;

import io.quire.protocol.security.InvalidBlockTokenException;
import io.quire.protocol.types.LocatedBlock;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.ByteBufferPositionedReadable;
import org.apache.hadoop.fs.ByteBufferReadable;
import org.apache.hadoop.fs.CanUnbuffer;
import org.apache.hadoop.fs.FSExceptionMessages;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.statistics.IOStatistics;
import org.apache.hadoop.fs.statistics.IOStatisticsSource;
import org.apache.hadoop.fs.statistics.impl.IOStatisticsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file open for reading. The block list is fetched once at open (one getBlockLocations) and
 * again only when every replica of a block has failed. Sequential reads keep one READ_BLOCK
 * connection per block; positioned reads use their own and leave the position alone. Every
 * byte returned has passed its CRC32C check (unless checksums are turned off); a corrupt or
 * dead replica is skipped for the next one, and a corrupt one is reported to the NameNode. A
 * replica that refuses the block's access token (it expired) makes the stream fetch the
 * locations, with fresh tokens, once; a refusal right after that counts as the replica's
 * failure.
 *
 * <p>Reads into a {@link ByteBuffer} ({@link ByteBufferReadable},
 * {@link ByteBufferPositionedReadable}, as HDFS's DFSInputStream) land in the caller's buffer
 * with no extra copy: a direct buffer is filled by the kernel and verified in place. They
 * follow the FileSystem specification: up to {@code remaining()} bytes from the buffer's
 * position, which advances by the count; the limit is left alone; -1 at the end of the file,
 * 0 for a buffer with no room. After a failure the buffer's position is where it was.
 */
public final class QuireInputStream extends FSInputStream implements ByteBufferReadable,
    ByteBufferPositionedReadable, CanUnbuffer, StreamCapabilities, IOStatisticsSource {
  /** What {@link #hasCapability} answers true for. */
  private static final StreamCapabilitySet CAPABILITIES = StreamCapabilitySet.of(
      StreamCapabilities.UNBUFFER, StreamCapabilities.IOSTATISTICS,
      StreamCapabilities.READBYTEBUFFER, StreamCapabilities.PREADBYTEBUFFER);
  private static final Logger LOG = LoggerFactory.getLogger(QuireInputStream.class);
  /** A forward seek within the open block up to this far reads through instead of reopening. */
  private static final long SEEK_READ_THROUGH = 128 * 1024;

  private final ReadTarget target;
  private final ReplicaFailover replicas;
  private final FileSystem.Statistics fsStats;
  private final IOStatisticsStore stats = iostatisticsStore()
      .withCounters(STREAM_READ_BYTES, STREAM_READ_OPERATIONS, STREAM_READ_SEEK_OPERATIONS,
          STREAM_READ_EXCEPTIONS, STREAM_READ_UNBUFFERED)
      .build();
  private volatile FileBlocks blocks;
  private long pos;
  private BlockReader reader;
  private LocatedBlock readerBlock;
  private volatile boolean closed;
  private final byte[] oneByte = new byte[1];
  /** The locations were fetched again after a refused token (reset by a successful read). */
  private boolean tokenRefetched;

  QuireInputStream(ReadTarget target, FileSystem.Statistics fsStats) throws IOException {
    this.target = target;
    this.fsStats = fsStats;
    this.replicas = new ReplicaFailover(target);
    this.blocks = FileBlocks.fetch(target.namenode(), target.path(), target.options());
  }

  /** Readable length of the file as of open (or the last refresh). */
  public long getFileLength() { return blocks.length(); }

  @Override public synchronized int read() throws IOException {
    int n = read(oneByte, 0, 1);
    return n <= 0 ? -1 : oneByte[0] & 0xff;
  }

  @Override public synchronized int read(byte[] b, int off, int len) throws IOException {
    checkOpen();
    validatePositionedReadArgs(pos, b, off, len);
    return readInto(ByteBuffer.wrap(b, off, len));
  }

  /** Reads up to {@code buf.remaining()} bytes into {@code buf}; see the class comment. */
  @Override public synchronized int read(ByteBuffer buf) throws IOException {
    checkOpen();
    return readInto(buf);
  }

  private int readInto(ByteBuffer dst) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    stats.incrementCounter(STREAM_READ_OPERATIONS);
    for (int round = 1; ; round++) {
      if (pos >= blocks.length()) {
        return -1;
      }
      try {
        if (reader == null) {
          openReaderAt(pos);
        }
        int n = reader.read(dst);
        if (n < 0) {
          if (pos < readerBlock.getOffset() + blocks.readableLength(readerBlock)) {
            replicas.failed(readerBlock, reader.node(), new EOFException("read " + target.path()
                + ": replica of " + readerBlock.getBlock() + " on "
                + reader.node().getDataAddress() + " ends at file offset " + pos));
          } else {
            round--;
          }
          closeReader();
          continue;
        }
        pos += n;
        counted(n);
        tokenRefetched = false;
        return n;
      } catch (InvalidBlockTokenException e) {
        // expired token (or a key the DataNode lacks): fresh locations with fresh tokens, once
        closeReader();
        LOG.info("read {}: {}; fetching block locations again", target.path(), e.getMessage());
        tokenRefetched = true;
        refresh();
        round--;
      } catch (ReplicaFailover.NoLiveReplicaException e) {
        if (round >= target.options().readMaxAttempts()) {
          stats.incrementCounter(STREAM_READ_EXCEPTIONS);
          throw e;
        }
        refresh();
      } catch (IOException e) {
        if (reader == null) {
          stats.incrementCounter(STREAM_READ_EXCEPTIONS);
          throw e;
        }
        replicas.failed(readerBlock, reader.node(), e);
        closeReader();
        round--;
      }
    }
  }

  private void openReaderAt(long position) throws IOException {
    LocatedBlock lb = blocks.blockAt(position);
    if (lb == null) {
      refresh();
      lb = blocks.blockAt(position);
      if (lb == null) {
        throw new EOFException("read " + target.path() + ": no block holds offset " + position
            + " of " + blocks.length());
      }
    }
    long inBlock = position - lb.getOffset();
    reader = replicas.open(lb, inBlock, blocks.readableLength(lb) - inBlock, tokenRefetched);
    readerBlock = lb;
  }

  /** Positioned read: does not move the stream's position; thread-safe with other reads. */
  @Override public int read(long position, byte[] b, int off, int len) throws IOException {
    checkOpen();
    validatePositionedReadArgs(position, b, off, len);
    return pread(position, ByteBuffer.wrap(b, off, len));
  }

  /**
   * Positioned read into {@code buf} (up to {@code buf.remaining()} bytes; fewer only at the
   * end of the file): does not move the stream's position; thread-safe with other reads.
   */
  @Override public int read(long position, ByteBuffer buf) throws IOException {
    checkOpen();
    if (position < 0) {
      throw new EOFException(FSExceptionMessages.NEGATIVE_SEEK + ": " + position
          + " in " + target.path());
    }
    return pread(position, buf);
  }

  /** Fills {@code buf} from {@code position}; EOFException when the file ends first. */
  @Override public void readFully(long position, ByteBuffer buf) throws IOException {
    int want = buf.remaining();
    int n = read(position, buf);
    if (n < want) {
      throw new EOFException(FSExceptionMessages.EOF_IN_READ_FULLY + ": " + want + " bytes at "
          + position + " of " + target.path() + ", " + blocks.length() + " long");
    }
  }

  private int pread(long position, ByteBuffer dst) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    stats.incrementCounter(STREAM_READ_OPERATIONS);
    if (position >= blocks.length()) {
      return -1;
    }
    int total = 0;
    while (dst.hasRemaining() && position < blocks.length()) {
      int n = preadFromOneBlock(position, dst);
      total += n;
      position += n;
    }
    counted(total);
    return total;
  }

  /** Reads from the one block holding {@code position}, as much of it as {@code dst} takes. */
  private int preadFromOneBlock(long position, ByteBuffer dst) throws IOException {
    boolean refetched = false;
    for (int round = 1; ; round++) {
      FileBlocks fb = blocks;
      LocatedBlock lb = fb.blockAt(position);
      if (lb == null) {
        throw new EOFException("pread " + target.path() + ": no block holds offset " + position);
      }
      long inBlock = position - lb.getOffset();
      int want = (int) Math.min(dst.remaining(), fb.readableLength(lb) - inBlock);
      try {
        while (true) {
          BlockReader r = replicas.open(lb, inBlock, want, refetched);
          // a failed replica leaves dst alone: the next one fills the same bytes
          ByteBuffer view = dst.duplicate();
          view.limit(view.position() + want);
          try {
            while (view.hasRemaining()) {
              if (r.read(view) < 0) {
                throw new EOFException("pread " + target.path() + ": " + lb.getBlock() + " on "
                    + r.node().getDataAddress() + " ended at "
                    + (inBlock + want - view.remaining()));
              }
            }
            dst.position(dst.position() + want);
            return want;
          } catch (ReplicaFailover.NoLiveReplicaException e) {
            throw e;
          } catch (IOException e) {
            replicas.failed(lb, r.node(), e);
          } finally {
            r.close();
          }
        }
      } catch (InvalidBlockTokenException e) {
        if (refetched) {
          throw e;
        }
        refetched = true; // fresh locations with fresh tokens, once
        round--;
        refresh();
      } catch (ReplicaFailover.NoLiveReplicaException e) {
        if (round >= target.options().readMaxAttempts()) {
          stats.incrementCounter(STREAM_READ_EXCEPTIONS);
          throw e;
        }
        refresh();
      }
    }
  }

  private void counted(int n) {
    stats.incrementCounter(STREAM_READ_BYTES, n);
    if (fsStats != null) {
      fsStats.incrementBytesRead(n);
    }
  }

  private synchronized void refresh() throws IOException {
    blocks = FileBlocks.fetch(target.namenode(), target.path(), target.options());
    replicas.reset();
  }

  @Override public synchronized void seek(long target) throws IOException {
    checkOpen();
    if (target < 0) {
      throw new EOFException(FSExceptionMessages.NEGATIVE_SEEK + ": " + target + " in "
          + this.target.path());
    }
    if (target > blocks.length()) {
      throw new EOFException(FSExceptionMessages.CANNOT_SEEK_PAST_EOF + ": " + target + " > "
          + blocks.length() + " in " + this.target.path());
    }
    stats.incrementCounter(STREAM_READ_SEEK_OPERATIONS);
    if (target == pos) {
      return;
    }
    if (reader != null && target > pos && target - pos <= SEEK_READ_THROUGH
        && target - readerBlock.getOffset() < reader.end()) {
      try {
        reader.skip(target - pos);
        pos = target;
        return;
      } catch (IOException e) {
        closeReader();
      }
    }
    closeReader();
    pos = target;
  }

  @Override public synchronized long getPos() { return pos; }

  @Override public boolean seekToNewSource(long targetPos) { return false; }

  @Override public synchronized int available() throws IOException {
    checkOpen();
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, blocks.length() - pos));
  }

  /** Closes the DataNode connection; the next read opens a new one. */
  @Override public synchronized void unbuffer() {
    stats.incrementCounter(STREAM_READ_UNBUFFERED);
    closeReader();
  }

  private void closeReader() {
    if (reader != null) {
      reader.close();
      reader = null;
      readerBlock = null;
    }
  }

  @Override public synchronized void close() {
    closed = true;
    closeReader();
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": " + target.path());
    }
  }

  @Override public boolean hasCapability(String capability) {
    return CAPABILITIES.has(capability);
  }

  @Override public IOStatistics getIOStatistics() { return stats; }

  @Override public String toString() {
    return "QuireInputStream{" + target.path() + ", pos=" + pos + ", " + stats + "}";
  }
}
