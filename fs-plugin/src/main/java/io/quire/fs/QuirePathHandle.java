package io.quire.fs;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.PathHandle;
import org.apache.hadoop.fs.InvalidPathHandleException;

/**
 * A handle to a file: its path and file id, whether it follows the file when it is renamed
 * ({@code HandleOpt.moved(true)}), plus its content tag when the handle requires unchanged
 * content ({@code changed(false)}: the etag, or modification time and length).
 *
 * <p>A handle that stays at its path looks the path up again on open and fails with
 * InvalidPathHandleException when the file there has another id (replaced, or moved away). A
 * handle that follows moves opens the file by id through the NameNode's inode path
 * {@code /.reserved/.inodes/<fileId>} (as HDFS's handles do), wherever the file is now, and
 * fails once the file is deleted. The check and the open are two NameNode calls, so a change
 * between them is not detected.
 *
 * <p>Serialized form, version {@value #VERSION}: {@code byte version, UTF path, long fileId,
 * boolean followsMoves, boolean hasEtag, [UTF etag]}. Version {@value #VERSION_1} (no
 * followsMoves field; it is false) is still read.
 */
public final class QuirePathHandle implements PathHandle {
  private static final long serialVersionUID = 1L;
  public static final byte VERSION = 2;
  /** The first format: handles that stay at their path only. */
  public static final byte VERSION_1 = 1;

  private final String path;
  private final long fileId;
  private final boolean followsMoves;
  private final String etag;

  QuirePathHandle(String path, long fileId, boolean followsMoves, String etag) {
    this.path = path;
    this.fileId = fileId;
    this.followsMoves = followsMoves;
    this.etag = etag;
  }

  String path() { return path; }
  long fileId() { return fileId; }
  /** Whether the handle opens the file by id wherever it was moved. */
  boolean followsMoves() { return followsMoves; }
  /** Etag the content must still have, or null when content may change. */
  String etag() { return etag; }

  @Override public ByteBuffer bytes() {
    try {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bos);
      out.writeByte(VERSION);
      out.writeUTF(path);
      out.writeLong(fileId);
      out.writeBoolean(followsMoves);
      out.writeBoolean(etag != null);
      if (etag != null) {
        out.writeUTF(etag);
      }
      out.flush();
      return ByteBuffer.wrap(bos.toByteArray()).asReadOnlyBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a handle serialized by {@link #bytes()} (e.g. a RawPathHandle of it). */
  static QuirePathHandle parse(PathHandle handle) throws InvalidPathHandleException {
    if (handle instanceof QuirePathHandle) {
      return (QuirePathHandle) handle;
    }
    ByteBuffer b = handle.bytes();
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(a))) {
      byte v = in.readByte();
      if (v != VERSION && v != VERSION_1) {
        throw new InvalidPathHandleException("path handle version " + v + " not supported");
      }
      String p = in.readUTF();
      long id = in.readLong();
      boolean follows = v != VERSION_1 && in.readBoolean();
      String etag = in.readBoolean() ? in.readUTF() : null;
      return new QuirePathHandle(p, id, follows, etag);
    } catch (IOException e) {
      throw new InvalidPathHandleException("not a Quire path handle: " + e.getMessage(), e);
    }
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof QuirePathHandle)) {
      return false;
    }
    QuirePathHandle h = (QuirePathHandle) o;
    return path.equals(h.path) && fileId == h.fileId && followsMoves == h.followsMoves
        && java.util.Objects.equals(etag, h.etag);
  }

  @Override public int hashCode() {
    return java.util.Objects.hash(path, fileId, followsMoves, etag);
  }

  @Override public String toString() {
    return "QuirePathHandle{" + path + ", id " + fileId + (followsMoves ? ", follows moves" : "")
        + (etag == null ? "" : ", " + etag) + "}";
  }
}
