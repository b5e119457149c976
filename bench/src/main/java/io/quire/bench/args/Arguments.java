package io.quire.bench.args;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.util.StringUtils;

/**
 * A parsed bench command line ({@link CommandLine#parse}): each option's value, or its declared
 * default when not given. Values are converted on reading; one that does not convert is a
 * {@link UsageException} naming the option and the value. Reading an option the command did not
 * declare is a bug ({@link IllegalArgumentException}).
 */
public final class Arguments {
  private final CommandLine line;
  private final Map<String, List<String>> given;
  private final List<String> positionals;

  Arguments(CommandLine line, Map<String, List<String>> given, List<String> positionals) {
    this.line = line;
    this.given = given;
    this.positionals = List.copyOf(positionals);
  }

  /** Whether {@code name} was on the command line. */
  public boolean given(String name) {
    line.option(name);
    return given.containsKey(name);
  }

  /** Whether the flag {@code name} was given. */
  public boolean flag(String name) { return given(name); }

  /** The value of {@code name}: the last one given, else its default, else null. */
  public String string(String name) {
    CommandLine.Option o = line.option(name);
    List<String> v = given.get(name);
    return v == null ? o.defaultValue() : v.get(v.size() - 1);
  }

  /** Every value given for a repeatable option, in order. */
  public List<String> strings(String name) {
    line.option(name);
    return List.copyOf(given.getOrDefault(name, List.of()));
  }

  /** The plain arguments, in order. */
  public List<String> positionals() { return positionals; }

  /** A whole number. */
  public int integer(String name) throws UsageException {
    return required(name, convert(name, "a whole number", Integer::parseInt));
  }

  /** A whole number (long). */
  public long longValue(String name) throws UsageException {
    return required(name, convert(name, "a whole number", Long::parseLong));
  }

  /** A decimal number. */
  public double decimal(String name) throws UsageException {
    return required(name, convert(name, "a number", Double::parseDouble));
  }

  /** A byte count with an optional binary prefix: 512, 16k, 64m, 1g. */
  public long bytes(String name) throws UsageException {
    return required(name, convert(name, "a size such as 512, 16k, 64m or 1g", Arguments::size));
  }

  /** Comma-separated whole numbers: 1,8. */
  public List<Integer> integers(String name) throws UsageException {
    return convert(name, "whole numbers separated by commas", v -> list(v, Integer::parseInt));
  }

  /** Comma-separated byte counts: 1k,64m. */
  public List<Long> sizes(String name) throws UsageException {
    return convert(name, "sizes separated by commas, such as 1k,64m",
        v -> list(v, Arguments::size));
  }

  /** Comma-separated words: planned,kill. */
  public List<String> words(String name) throws UsageException {
    return convert(name, "words separated by commas", v -> list(v, s -> s));
  }

  /** true or false, or null when neither given nor defaulted. */
  public Boolean bool(String name) throws UsageException {
    return convert(name, "true or false", v -> {
      if (!v.equals("true") && !v.equals("false")) {
        throw new IllegalArgumentException(v);
      }
      return Boolean.valueOf(v);
    });
  }

  /** One of {@code choices}, or null when neither given nor defaulted. */
  public String oneOf(String name, String... choices) throws UsageException {
    return convert(name, String.join(" or ", choices), v -> {
      if (!List.of(choices).contains(v)) {
        throw new IllegalArgumentException(v);
      }
      return v;
    });
  }

  /** A file or directory, made absolute. */
  public File file(String name) {
    String v = string(name);
    return v == null ? null : new File(v).getAbsoluteFile();
  }

  /** A usage error of this command (for checks of values against each other). */
  public UsageException error(String message) {
    return line.error(message);
  }

  /** A number read without a default is the caller's bug: it checks {@link #given} first. */
  private <T> T required(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(line.command() + ": " + name + " has no default");
    }
    return value;
  }

  private <T> T convert(String name, String what, Function<String, T> f) throws UsageException {
    String v = string(name);
    if (v == null) {
      return null;
    }
    try {
      return f.apply(v.trim());
    } catch (IllegalArgumentException e) {
      throw line.error(name + " wants " + what + ", not '" + v + "'");
    }
  }

  private static <T> List<T> list(String v, Function<String, T> f) {
    List<T> out = new ArrayList<>();
    for (String s : v.split(",")) {
      if (s.isBlank()) {
        throw new IllegalArgumentException(v);
      }
      out.add(f.apply(s.trim()));
    }
    return List.copyOf(out);
  }

  private static long size(String v) {
    return StringUtils.TraditionalBinaryPrefix.string2long(v);
  }
}
