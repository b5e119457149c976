package io.quire.namenode.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.TargetDirs;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class CheckpointStoreTest {
  private Path dir;
  private CheckpointStore store;

  @BeforeEach
  void setUp(TestInfo info) throws Exception {
    dir = TargetDirs.fresh(info);
    store = new CheckpointStore(dir);
  }

  private void save(long txId) throws Exception {
    store.saveAndSync(txId, out -> {
      out.writeLong(txId);
      out.writeUTF("namespace at " + txId);
      out.write(new byte[100_000]); // larger than one buffer
      out.close(); // must not close the file
    });
  }

  private Path file(long txId) {
    return dir.resolve(ImageFormat.fileName(txId));
  }

  @Test
  void saveThenLoadNewest() throws Exception {
    assertTrue(store.loadLatest().isEmpty());
    save(0);
    save(42);
    Checkpoint c = store.loadLatest().orElseThrow();
    assertEquals(42, c.txId());
    try (DataInputStream in = c.openBody()) {
      assertEquals(42, in.readLong());
      assertEquals("namespace at 42", in.readUTF());
      in.readFully(new byte[100_000]);
      assertThrows(EOFException.class, in::readByte, "the body ends before the trailer");
    }
    assertEquals(ImageFormat.HEADER_SIZE + c.bodyLength() + ImageFormat.TRAILER_SIZE,
        Files.size(file(42)));
  }

  @Test
  void damagedNewestFallsBackToOlderValidImage() throws Exception {
    save(10);
    save(20);
    flipByte(file(20), ImageFormat.HEADER_SIZE + 5);
    assertEquals(10, store.loadLatest().orElseThrow().txId());
  }

  @Test
  void noValidImageThrowsNamingTheFile() throws Exception {
    save(10);
    flipByte(file(10), ImageFormat.HEADER_SIZE + 5);
    CorruptImageException e = assertThrows(CorruptImageException.class, store::loadLatest);
    assertTrue(e.getMessage().contains(file(10).toString()), e.getMessage());
    assertTrue(e.getMessage().contains("CRC"), e.getMessage());
  }

  @Test
  void truncatedImageIsCorrupt() throws Exception {
    save(10);
    try (RandomAccessFile f = new RandomAccessFile(file(10).toFile(), "rw")) {
      f.setLength(f.length() - 1);
    }
    assertThrows(CorruptImageException.class, store::loadLatest);
  }

  @Test
  void unknownVersionIsIncompatibleNotSkipped() throws Exception {
    save(10);
    save(20);
    try (RandomAccessFile f = new RandomAccessFile(file(20).toFile(), "rw")) {
      f.seek(4);
      f.writeInt(ImageFormat.VERSION + 1);
    }
    assertThrows(IncompatibleStorageException.class, store::loadLatest);
  }

  @Test
  void crashBeforeRenameLeavesTmpThatIsIgnoredAndCleaned() throws Exception {
    save(10);
    Path tmp = dir.resolve(ImageFormat.fileName(20) + ImageFormat.TMP_SUFFIX);
    Files.write(tmp, new byte[] {'Q', 'I', 'M', 'G', 0, 0}); // half-written image
    assertEquals(10, store.loadLatest().orElseThrow().txId());
    assertEquals(List.of(10L), store.listTxIds());
    assertEquals(10, store.purgeOldImages(2));
    assertTrue(Files.notExists(tmp));
  }

  @Test
  void failingBodyWriterLeavesNoFile() throws Exception {
    assertThrows(java.io.IOException.class, () -> store.saveAndSync(5, out -> {
      out.writeInt(1);
      throw new java.io.IOException("namespace walk failed");
    }));
    assertEquals(List.of(), store.listTxIds());
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void purgeKeepsNewestAndReturnsOldestRetained() throws Exception {
    assertEquals(0, store.purgeOldImages(2));
    save(0);
    save(10);
    save(20);
    save(30);
    assertEquals(20, store.purgeOldImages(2));
    assertEquals(List.of(20L, 30L), store.listTxIds());
    assertEquals(30, store.purgeOldImages(1));
    assertThrows(IllegalArgumentException.class, () -> store.purgeOldImages(0));
  }

  private static void flipByte(Path file, long offset) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0xff);
    }
  }
}
