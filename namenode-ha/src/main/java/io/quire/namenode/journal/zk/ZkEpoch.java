package io.quire.namenode.journal.zk;

import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The data of the epoch znode, the journal's fence, version {@value #VERSION}:
 * {@code int version | long epoch | writerId (UTF-8, the rest of the data)}, big-endian.
 * Epoch 0 with an empty writer id means "never opened for writing".
 */
record ZkEpoch(long epoch, String writerId) {
  static final int VERSION = 1;
  static final ZkEpoch NONE = new ZkEpoch(0, "");

  byte[] encode() {
    byte[] id = writerId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(12 + id.length).putInt(VERSION).putLong(epoch).put(id).array();
  }

  static ZkEpoch decode(String path, byte[] data) throws IOException {
    if (data == null || data.length < 12) {
      throw new CorruptJournalException("Epoch znode " + path + " holds "
          + (data == null ? "no data" : data.length + " bytes") + "; expected at least 12");
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    int version = b.getInt();
    if (version != VERSION) {
      throw new IncompatibleStorageException("Epoch znode " + path + " has format version "
          + version + "; this NameNode reads only version " + VERSION);
    }
    long epoch = b.getLong();
    return new ZkEpoch(epoch, new String(data, 12, data.length - 12, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "epoch " + epoch + (writerId.isEmpty() ? "" : " of " + writerId);
  }
}
