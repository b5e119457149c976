package io.quire.jobs.input;

import java.io.IOException;
import org.apache.avro.file.SeekableInput;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Avro's {@link SeekableInput} over any Hadoop FileSystem (quire://, hdfs://, file://). */
public final class FsSeekableInput implements SeekableInput {
  private final FSDataInputStream in;
  private final long length;

  public FsSeekableInput(FileSystem fs, Path path) throws IOException {
    this.length = fs.getFileStatus(path).getLen();
    this.in = fs.open(path);
  }

  @Override
  public void seek(long p) throws IOException {
    in.seek(p);
  }

  @Override
  public long tell() throws IOException {
    return in.getPos();
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return in.read(b, off, len);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
