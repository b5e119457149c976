package io.quire.protocol.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class AtomicFilesTest {

  /** A fresh directory under target/test-data for one test. */
  private static Path fresh(TestInfo info) throws java.io.IOException {
    Path dir = Path.of("target", "test-data", "AtomicFilesTest",
        info.getTestMethod().orElseThrow().getName()).toAbsolutePath();
    org.apache.commons.io.FileUtils.deleteDirectory(dir.toFile());
    return Files.createDirectories(dir);
  }

  @Test
  void writeAndSyncReplacesContent(TestInfo info) throws Exception {
    Path target = fresh(info).resolve("epoch");
    AtomicFiles.writeAndSync(target, bytes("one"));
    AtomicFiles.writeAndSync(target, bytes("two"));
    assertArrayEquals(bytes("two"), Files.readAllBytes(target));
    assertFalse(Files.exists(AtomicFiles.tempFor(target)));
  }

  @Test
  void crashBetweenWriteAndRenameLeavesOldContent(TestInfo info) throws Exception {
    Path target = fresh(info).resolve("VERSION");
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
