package io.quire.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Package cycles inside each module, from the main sources: a package depends on another when
 * it names one of its classes (import, static import, wildcard import or qualified name;
 * comments do not count). The cycles that exist are listed in {@link #KNOWN}, to be broken
 * (issue 11); the test fails on any new cycle, on a known one that grew, and on a known one
 * that is gone (remove it from the list), so the list only shrinks.
 */
class PackageCycleTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(io\\.quire(?:\\.[a-z][a-z0-9]*)+)\\.(?:[A-Z]|\\*)");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*",
      Pattern.DOTALL);

  /**
   * Module to its cycles (each a sorted set of packages, relative to io.quire.): none left
   * (issue 11 broke the last, blocks/datanodes/namespace in namenode-ha); keep it empty.
   */
  private static final Map<String, Set<String>> KNOWN = Map.of();

  @Test
  void noPackageCycleBeyondTheKnownOnes() throws IOException {
    Map<String, Set<String>> found = new TreeMap<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path m : (Iterable<Path>) modules.sorted()::iterator) {
        Path src = m.resolve("src/main/java");
        if (Files.isDirectory(src)) {
          Set<String> cycles = cycles(dependencies(src));
          if (!cycles.isEmpty()) {
            found.put(m.getFileName().toString(), cycles);
          }
        }
      }
    }
    assertEquals(new TreeMap<>(KNOWN).toString(), found.toString(),
        "package cycles per module (break new ones; drop broken ones from KNOWN)");
  }

  private static Map<String, Set<String>> dependencies(Path src) throws IOException {
    Map<String, Set<String>> deps = new HashMap<>();
    try (Stream<Path> files = Files.walk(src)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
        String pkg = src.relativize(p.getParent()).toString().replace('/', '.');
        Set<String> out = deps.computeIfAbsent(pkg, k -> new HashSet<>());
        try {
          Matcher m = REFERENCE.matcher(COMMENT.matcher(Files.readString(p)).replaceAll(""));
          while (m.find()) {
            if (!m.group(1).equals(pkg)) {
              out.add(m.group(1));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    deps.values().forEach(s -> s.retainAll(deps.keySet()));
    return deps;
  }

  /** Strongly connected components of more than one package (Tarjan), as sorted strings. */
  private static Set<String> cycles(Map<String, Set<String>> deps) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    Set<String> result = new TreeSet<>();
    for (String v : new TreeSet<>(deps.keySet())) {
      if (!index.containsKey(v)) {
        connect(v, deps, index, low, stack, onStack, result);
      }
    }
    return result;
  }

  private static void connect(String v, Map<String, Set<String>> deps, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, Set<String> result) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : deps.get(v)) {
      if (!index.containsKey(w)) {
        connect(w, deps, index, low, stack, onStack, result);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w.substring("io.quire.".length()));
      } while (!w.equals(v));
      if (component.size() > 1) {
        result.add(component.toString());
      }
    }
  }
}
