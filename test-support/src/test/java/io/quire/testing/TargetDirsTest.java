package io.quire.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Per-test directories, and the build settings that keep every test's files under the module's
 * target/ (the parent pom's surefire configuration, which every module inherits).
 */
@Timeout(30)
class TargetDirsTest {
  private static Path moduleTarget() {
    return Path.of("target").toAbsolutePath();
  }

  @Test
  void theBuildPutsTestDataAndTemporaryFilesUnderTheModulesTarget() {
    assertEquals(moduleTarget().resolve("test-data"), TargetDirs.base(),
        "surefire sets test.build.data to ${project.build.directory}/test-data");
    assertEquals(moduleTarget(), Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(),
        "surefire's argLine sets java.io.tmpdir to ${project.build.directory}");
  }

  @Test
  void aFreshDirectoryIsEmptyAndNamedByClassAndMethod(TestInfo info) throws IOException {
    Path dir = TargetDirs.fresh(info);
    assertEquals(TargetDirs.base().resolve("TargetDirsTest")
        .resolve("aFreshDirectoryIsEmptyAndNamedByClassAndMethod"), dir);
    Files.writeString(dir.resolve("left-over"), "from a failed run");
    Files.createDirectories(dir.resolve("sub/dir"));
    Path again = TargetDirs.fresh(info);
    assertEquals(dir, again);
    assertTrue(Files.isDirectory(again));
    try (var files = Files.list(again)) {
      assertFalse(files.findAny().isPresent(), "emptied when handed out again");
    }
  }

  @Test
  void ownerAndNameGiveTheDirectory() throws IOException {
    Path dir = TargetDirs.fresh(TargetDirsTest.class, "named");
    assertEquals(TargetDirs.base().resolve("TargetDirsTest").resolve("named"), dir);
    assertEquals(dir.toFile(), TargetDirs.freshFile(TargetDirsTest.class, "named"));
  }
}
