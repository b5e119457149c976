package io.quire.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One naming scheme for tests, in every module: a concrete class with test methods is named
 * {@code XxxTest} (surefire runs {@code *Test}), and no file under src/test/java starts with
 * "Test" (helpers have helper names; shared ones live in a {@code testing} package or in
 * test-support).
 */
class NamingSchemeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern TEST_METHOD =
      Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory)\\b");
  private static final Pattern ABSTRACT = Pattern.compile("\\babstract class\\b");

  @Test
  void testClassesEndInTestAndNothingStartsWithTest() throws IOException {
    List<String> wrong;
    try (Stream<Path> modules = Files.list(ROOT)) {
      wrong = modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory)
          .flatMap(NamingSchemeTest::javaFiles).filter(NamingSchemeTest::misnamed)
          .map(p -> ROOT.relativize(p).toString()).sorted().toList();
    }
    assertEquals(List.of(), wrong, "rename: test classes XxxTest, helpers not Test*");
  }

  private static Stream<Path> javaFiles(Path dir) {
    try {
      return Files.walk(dir).filter(p -> p.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + dir, e);
    }
  }

  private static boolean misnamed(Path file) {
    String name = file.getFileName().toString().replace(".java", "");
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    boolean concreteTest = TEST_METHOD.matcher(text).find() && !ABSTRACT.matcher(text).find();
    return name.startsWith("Test") || (concreteTest && !name.endsWith("Test"));
  }
}
