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
 * A handle to a file: its path and file id, plus its etag when the handle requires unchanged
 * content. Opening it looks the path up again and fails with InvalidPathHandleException when
 * the file there has another id (it was replaced, or moved away) or, for a content handle,
 * another etag. The check and the open are two NameNode calls, so a replacement between them is
 * not detected. Handles that must follow a moved file are not supported (no lookup by id).
 *
 * <p>Serialized form (version {@value #VERSION}): {@code byte version, UTF path, long fileId,
 * boolean hasEtag, [UTF etag]}.
 */
public final class QuirePathHandle implements PathHandle {
  private static final long serialVersionUID = 1L;
  public static final byte VERSION = 1;

  private final String path;
  private final long fileId;
  private final String etag;

  QuirePathHandle(String path, long fileId, String etag) {
    this.path = path;
    this.fileId = fileId;
    this.etag = etag;
  }

  String path() { return path; }
  long fileId() { return fileId; }
  /** Etag the content must still have, or null when content may change. */
  String etag() { return etag; }

  @Override public ByteBuffer bytes() {
    try {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bos);
      out.writeByte(VERSION);
      out.writeUTF(path);
      out.writeLong(fileId);
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
      if (v != VERSION) {
        throw new InvalidPathHandleException("path handle version " + v + " not supported");
      }
      String p = in.readUTF();
      long id = in.readLong();
      String etag = in.readBoolean() ? in.readUTF() : null;
      return new QuirePathHandle(p, id, etag);
    } catch (IOException e) {
      throw new InvalidPathHandleException("not a Quire path handle: " + e.getMessage(), e);
    }
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof QuirePathHandle)) {
      return false;
    }
    QuirePathHandle h = (QuirePathHandle) o;
    return path.equals(h.path) && fileId == h.fileId && java.util.Objects.equals(etag, h.etag);
  }

  @Override public int hashCode() { return java.util.Objects.hash(path, fileId, etag); }

  @Override public String toString() {
    return "QuirePathHandle{" + path + ", id " + fileId + (etag == null ? "" : ", " + etag) + "}";
  }
}
