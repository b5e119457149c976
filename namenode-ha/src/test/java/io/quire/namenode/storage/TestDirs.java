package io.quire.namenode.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;

/** Fresh per-test directories under {@code target/test-data/}. */
public final class TestDirs {
  private TestDirs() {}

  public static Path fresh(TestInfo info) throws IOException {
    String cls = info.getTestClass().map(Class::getSimpleName).orElse("test");
    String method = info.getTestMethod().map(m -> m.getName()).orElse("case");
    Path dir = Paths.get("target", "test-data", cls, method).toAbsolutePath();
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    return dir;
  }
}
