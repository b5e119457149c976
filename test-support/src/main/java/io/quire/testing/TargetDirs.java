package io.quire.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;

/**
 * Fresh per-test directories under the build's test data directory: the system property
 * {@code test.build.data} (the build sets it to {@code <module>/target/test-data}), else
 * {@code target/test-data} of the working directory. A directory is emptied when handed out,
 * not after the test, so what a failed test left behind can be read until the next run.
 */
public final class TargetDirs {
  private TargetDirs() {}

  /** The base directory, absolute. */
  public static Path base() {
    return Path.of(System.getProperty("test.build.data", "target/test-data")).toAbsolutePath();
  }

  /** An empty {@code <base>/<test class>/<test method>} (the class's name only, per class). */
  public static Path fresh(TestInfo info) throws IOException {
    String cls = info.getTestClass().map(Class::getSimpleName).orElse("test");
    return fresh(cls, info.getTestMethod().map(m -> m.getName()).orElse("class"));
  }

  /** As {@link #fresh(TestInfo)}, as a {@link File}. */
  public static File freshFile(TestInfo info) throws IOException {
    return fresh(info).toFile();
  }

  /** An empty {@code <base>/<owner's simple name>/<name>}. */
  public static Path fresh(Class<?> owner, String name) throws IOException {
    return fresh(owner.getSimpleName(), name);
  }

  /** As {@link #fresh(Class, String)}, as a {@link File}. */
  public static File freshFile(Class<?> owner, String name) throws IOException {
    return fresh(owner, name).toFile();
  }

  private static Path fresh(String owner, String name) throws IOException {
    Path dir = base().resolve(owner).resolve(name);
    delete(dir);
    Files.createDirectories(dir);
    return dir;
  }

  /** Deletes {@code dir} and everything below it, if it exists. */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
