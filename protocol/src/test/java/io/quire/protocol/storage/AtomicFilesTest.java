package io.quire.protocol.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic replacement of small files. Each test writes to a JUnit {@code @TempDir} (under the
 * module's target/, where the build points java.io.tmpdir): this module cannot use
 * test-support's TargetDirs, which depends on it, and a few bytes need not outlive a failure.
 */
@Timeout(30)
class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void writeAndSyncReplacesContent() throws Exception {
    Path target = dir.resolve("epoch");
    AtomicFiles.writeAndSync(target, bytes("one"));
    AtomicFiles.writeAndSync(target, bytes("two"));
    assertArrayEquals(bytes("two"), Files.readAllBytes(target));
    assertFalse(Files.exists(AtomicFiles.tempFor(target)));
  }

  @Test
  void crashBetweenWriteAndRenameLeavesOldContent() throws Exception {
    Path target = dir.resolve("VERSION");
    AtomicFiles.writeAndSync(target, bytes("old"));

    Path tmp = AtomicFiles.writeTempAndSync(target, bytes("new, never renamed"));
    // "crash" here: the rename never happens

    assertArrayEquals(bytes("old"), Files.readAllBytes(target));
    assertTrue(Files.exists(tmp));
    AtomicFiles.writeAndSync(target, bytes("next"));
    assertArrayEquals(bytes("next"), Files.readAllBytes(target));
    assertFalse(Files.exists(tmp), "the stale temp file is reused and renamed away");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
