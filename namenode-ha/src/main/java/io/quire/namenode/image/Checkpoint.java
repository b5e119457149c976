package io.quire.namenode.image;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.util.LimitInputStream;

/** A checkpoint whose CRC was verified when it was loaded: the namespace image at a txid. */
public final class Checkpoint {
  private final Path file;
  private final long txId;
  private final long bodyLength;

  Checkpoint(Path file, long txId, long bodyLength) {
    this.file = file;
    this.txId = txId;
    this.bodyLength = bodyLength;
  }

  /** The txid the image includes; replay the journal from {@code txId() + 1}. */
  public long txId() {
    return txId;
  }

  public Path path() {
    return file;
  }

  public long bodyLength() {
    return bodyLength;
  }

  /** A buffered stream over exactly the body; the caller closes it. */
  public DataInputStream openBody() throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    ch.position(ImageFormat.HEADER_SIZE);
    InputStream in = new LimitInputStream(Channels.newInputStream(ch), bodyLength);
    return new DataInputStream(new BufferedInputStream(in, 64 * 1024));
  }

  @Override
  public String toString() {
    return "Checkpoint[" + file + ", txid " + txId + "]";
  }
}
