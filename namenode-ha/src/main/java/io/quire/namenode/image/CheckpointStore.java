package io.quire.namenode.image;

import io.quire.protocol.storage.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints (namespace images at a txid) in one directory; format in {@link ImageFormat}
 * (version {@value ImageFormat#VERSION}).
 *
 * <p>Damaged images: {@link #loadLatest} uses the newest image whose CRC verifies. If the
 * newest is damaged but an older one is valid, it logs a WARN and returns the older one: that
 * is safe because {@link #purgeOldImages} reports the oldest retained image, and the caller
 * keeps every journal record after it, so the replay from the older image is complete. If no
 * image verifies, it throws {@link CorruptImageException} naming the newest file (HDFS also
 * refuses to start then): an operator must restore one. A newer format version is never
 * skipped: {@link io.quire.protocol.exceptions.IncompatibleStorageException}.
 *
 * <p>Methods are synchronized: one save, load or purge at a time.
 */
public final class CheckpointStore {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

  private final Path dir;

  public CheckpointStore(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes the image of the namespace at {@code txId}: when this returns, the checkpoint is
   * durable (file and name fsynced). A crash before that leaves at most a {@code .tmp} file,
   * which loading ignores and purging deletes.
   */
  public synchronized void saveAndSync(long txId, ImageBodyWriter body) throws IOException {
    Path finalFile = dir.resolve(ImageFormat.fileName(txId));
    Path tmp = dir.resolve(ImageFormat.fileName(txId) + ImageFormat.TMP_SUFFIX);
    boolean done = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        writeFully(ch, ImageFormat.header(txId, 0), 0);
        ch.position(ImageFormat.HEADER_SIZE);
        CRC32C crc = new CRC32C();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
            new CheckedOutputStream(new NonClosingOutputStream(Channels.newOutputStream(ch)), crc),
            64 * 1024));
        body.write(out);
        out.flush();
        if (!ch.isOpen()) {
          throw new IOException("The image body writer closed the stream");
        }
        long bodyLength = ch.position() - ImageFormat.HEADER_SIZE;
        ByteBuffer trailer = ByteBuffer.allocate(ImageFormat.TRAILER_SIZE);
        trailer.putInt((int) crc.getValue()).flip();
        writeFully(ch, trailer, ch.position());
        writeFully(ch, ImageFormat.header(txId, bodyLength), 0);
        ch.force(true);
      }
      AtomicFiles.renameAndSyncDirectory(tmp, finalFile);
      done = true;
      LOG.info("Saved checkpoint {} at txid {}", finalFile, txId);
    } catch (IOException e) {
      throw new IOException("Cannot save checkpoint at txid " + txId + " to " + finalFile, e);
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Stores a checkpoint file received from another NameNode (its bytes exactly as that
   * NameNode's store wrote them): written as {@code .tmp}, verified against {@link ImageFormat}
   * (header, length, CRC32C), fsynced and renamed. When this returns the checkpoint is durable;
   * a damaged or truncated transfer throws {@link CorruptImageException} and leaves nothing.
   */
  public synchronized Checkpoint installAndSync(long txId, java.io.InputStream file)
      throws IOException {
    Path finalFile = dir.resolve(ImageFormat.fileName(txId));
    Path tmp = dir.resolve(ImageFormat.fileName(txId) + ImageFormat.TMP_SUFFIX);
    boolean done = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(ch);
        file.transferTo(out);
        ch.force(true);
      }
      Checkpoint verified = ImageVerifier.verify(tmp, txId);
      AtomicFiles.renameAndSyncDirectory(tmp, finalFile);
      done = true;
      LOG.info("Installed checkpoint {} at txid {}", finalFile, txId);
      return new Checkpoint(finalFile, txId, verified.bodyLength());
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * The newest checkpoint whose CRC verifies, or empty if there is none at all.
   *
   * @throws CorruptImageException if images exist but none verifies
   */
  public synchronized Optional<Checkpoint> loadLatest() throws IOException {
    List<Long> txIds = listTxIds();
    CorruptImageException newestFailure = null;
    for (int i = txIds.size() - 1; i >= 0; i--) {
      Path file = dir.resolve(ImageFormat.fileName(txIds.get(i)));
      try {
        Checkpoint c = ImageVerifier.verify(file, txIds.get(i));
        if (newestFailure != null) {
          LOG.warn("Falling back to the older valid checkpoint {} because a newer one is damaged"
              + " ({}); the journal replay will start at txid {}", file, newestFailure.getMessage(),
              c.txId() + 1);
        }
        return Optional.of(c);
      } catch (CorruptImageException e) {
        LOG.error("Checkpoint {} is damaged: {}", file, e.getMessage());
        if (newestFailure == null) {
          newestFailure = e;
        }
      }
    }
    if (newestFailure != null) {
      throw new CorruptImageException("No valid checkpoint in " + dir + ": "
          + newestFailure.getMessage() + ". Restore an image from a backup or another NameNode.",
          newestFailure);
    }
    return Optional.empty();
  }

  /**
   * Keeps the newest {@code retain} images, deletes older ones and stale {@code .tmp} files.
   * Returns the txid of the oldest retained image (0 if none): the journal must keep every
   * record after it, so call {@code journal.purgeBefore(result + 1)}.
   */
  public synchronized long purgeOldImages(int retain) throws IOException {
    if (retain < 1) {
      throw new IllegalArgumentException("Must retain at least one checkpoint, not " + retain);
    }
    List<Long> txIds = listTxIds();
    int keepFrom = Math.max(0, txIds.size() - retain);
    for (int i = 0; i < keepFrom; i++) {
      Path file = dir.resolve(ImageFormat.fileName(txIds.get(i)));
      Files.delete(file);
      LOG.info("Purged old checkpoint {}", file);
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(ImageFormat.PREFIX) && name.endsWith(ImageFormat.TMP_SUFFIX)) {
          LOG.info("Deleting unfinished checkpoint {}", p);
          Files.delete(p);
        }
      }
    }
    AtomicFiles.syncDirectory(dir);
    return txIds.isEmpty() ? 0 : txIds.get(keepFrom);
  }

  /** When the newest finished image file was written (its modification time), if any. */
  public synchronized Optional<Long> newestImageMillis() throws IOException {
    List<Long> txIds = listTxIds();
    if (txIds.isEmpty()) {
      return Optional.empty();
    }
    Path newest = dir.resolve(ImageFormat.fileName(txIds.get(txIds.size() - 1)));
    return Optional.of(Files.getLastModifiedTime(newest).toMillis());
  }

  /** Txids of the finished image files, ascending. */
  public synchronized List<Long> listTxIds() throws IOException {
    List<Long> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(p -> ImageFormat.parseTxId(p).ifPresent(out::add));
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static void writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
    long p = position;
    while (b.hasRemaining()) {
      p += ch.write(b, p);
    }
  }

  /** Lets an {@link ImageBodyWriter} close its stream without closing the file. */
  private static final class NonClosingOutputStream extends FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
