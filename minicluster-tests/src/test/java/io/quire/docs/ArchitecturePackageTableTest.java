package io.quire.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package table of docs/ARCHITECTURE.md names every package with main code, module by
 * module, and nothing else. In a row, {@code `io.quire.x`} names a package and makes it the
 * root for the relative names after it ({@code `.y`} is {@code io.quire.x.y}); a backticked
 * class name in parentheses is ignored.
 */
class ArchitecturePackageTableTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)/` \\| (.*) \\| [^|]* \\|$");
  private static final Pattern NAME =
      Pattern.compile("`(io\\.quire(?:\\.[a-z]+)*|\\.[a-z]+(?:\\.[a-z]+)*)`");

  @Test
  void everyModulesPackagesAreInTheTable() throws IOException {
    int rows = 0;
    for (String line : Files.readAllLines(ROOT.resolve("docs/ARCHITECTURE.md"))) {
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      rows++;
      String module = row.group(1);
      assertEquals(packagesIn(module), documented(row.group(2)),
          "packages of " + module + "/ in docs/ARCHITECTURE.md");
    }
    assertEquals(modules().size(), rows, "one table row per module " + modules());
  }

  private static Set<String> documented(String cell) {
    Set<String> names = new TreeSet<>();
    // text in parentheses describes a package (class names, notes): not package names
    String outside = cell.replaceAll("\\([^()]*(\\([^()]*\\)[^()]*)*\\)", "");
    String root = null;
    Matcher m = NAME.matcher(outside);
    while (m.find()) {
      String n = m.group(1);
      if (n.startsWith(".")) {
        names.add(root + n);
      } else {
        root = n;
        names.add(n);
      }
    }
    return names;
  }

  private static Set<String> packagesIn(String module) throws IOException {
    Path src = ROOT.resolve(module).resolve("src/main/java");
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(src)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> packages.add(
          src.relativize(p.getParent()).toString().replace('/', '.')));
    }
    return packages;
  }

  private static Set<String> modules() throws IOException {
    Set<String> modules = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(ROOT)) {
      dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java"))).forEach(d -> modules.add(
          d.getFileName().toString()));
    }
    return modules;
  }
}
