package io.quire.datanode.scanner;

import io.quire.datanode.DataNode;
import io.quire.testing.BlockClient;
import io.quire.protocol.types.Block;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.List;
import java.util.Random;

/** Writing finalized replicas and damaging their files behind the DataNode's back. */
final class ScannerTestSupport {
  private ScannerTestSupport() {}

  /** Writes a new block of {@code len} random bytes to {@code dn}; returns the data. */
  static byte[] writeBlock(DataNode dn, Block b, int len) throws IOException {
    byte[] data = new byte[len];
    new Random(b.getBlockId()).nextBytes(data);
    BlockClient.writeBlock(List.of(dn.getDataNodeId()), b, data);
    return data;
  }

  /** Inverts the byte at {@code offset} of {@code f}. */
  static void flipByte(File f, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
      raf.seek(offset);
      int v = raf.read();
      raf.seek(offset);
      raf.write(~v);
    }
  }
}
