package io.quire.datanode.transfer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** Background forces of a replica being received: started when due, failures not lost. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SyncBehindTest {
  private static FileChannel open(File f) throws IOException {
    return FileChannel.open(f.toPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  @Test
  void forcesBehindTheWritesWithoutError(TestInfo info) throws IOException {
    File d = TargetDirs.freshFile(info);
    File block = new File(d, "blk_1");
    try (FileChannel b = open(block); FileChannel m = open(new File(d, "blk_1_1.meta"));
        SyncBehind s = new SyncBehind(b, m, block, 4096)) {
      for (int i = 1; i <= 16; i++) {
        b.write(ByteBuffer.allocate(1024));
        s.written(1024L * i);
      }
      assertDoesNotThrow(s::await);
    }
  }

  /**
   * A background force that fails (here: the channel is closed under it) fails the next
   * await, and every one after it: a later force could succeed although pages were lost.
   */
  @Test
  void aFailedBackgroundForceFailsEveryLaterAwait(TestInfo info) throws IOException {
    File d = TargetDirs.freshFile(info);
    File block = new File(d, "blk_2");
    FileChannel b = open(block);
    try (FileChannel m = open(new File(d, "blk_2_1.meta"));
        SyncBehind s = new SyncBehind(b, m, block, 4096)) {
      b.write(ByteBuffer.allocate(8192));
      b.close();
      s.written(8192);
      IOException e = assertThrows(IOException.class, s::await);
      assertTrue(e.getMessage().contains("background force failed"), e.getMessage());
      assertThrows(IOException.class, s::await);
    }
  }

  @Test
  void nothingIsForcedBeforeTheInterval(TestInfo info) throws IOException {
    File d = TargetDirs.freshFile(info);
    File block = new File(d, "blk_3");
    FileChannel b = open(block);
    try (FileChannel m = open(new File(d, "blk_3_1.meta"));
        SyncBehind s = new SyncBehind(b, m, block, 1 << 20)) {
      b.close(); // a force would fail now
      s.written(4096);
      assertDoesNotThrow(s::await);
    }
  }
}
