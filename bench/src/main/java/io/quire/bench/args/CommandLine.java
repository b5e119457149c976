package io.quire.bench.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The options of one bench command, declared once: each is {@code --name VALUE} (with its
 * default, if any) or a flag {@code --name}, with one line of help. {@link #parse} reads a
 * command line into {@link Arguments}:
 * <ul>
 *   <li>an argument that is not an option of the command, or an option given without its value
 *       (at the end, or followed by another {@code --option}), is a {@link UsageException}
 *       whose one-line message names it and lists the command's options;</li>
 *   <li>{@code --help} or {@code -h} anywhere is a UsageException carrying {@link #help()};</li>
 *   <li>a value option given twice keeps the last value, unless it is {@link #repeatable};</li>
 *   <li>plain arguments (not starting with {@code -}) are allowed only after
 *       {@link #positionals}.</li>
 * </ul>
 * Values are converted when read ({@link Arguments}), where a bad one is a UsageException too.
 */
public final class CommandLine {
  /** One declared option; {@code valueName} is null for a flag. */
  record Option(String name, String valueName, String defaultValue, boolean repeatable,
      String help) {
    String synopsis() { return valueName == null ? name : name + " " + valueName; }
  }

  private final String command;
  private final Map<String, Option> options = new LinkedHashMap<>();
  private String positionals;

  /** @param command how the command is typed after {@code quire}, e.g. "bench --suite sweep" */
  public CommandLine(String command) {
    this.command = command;
  }

  /**
   * Declares {@code --name VALUE}.
   *
   * @param valueName what the value is, for help and errors ("N", "SIZE", "DIR")
   * @param defaultValue the value when the option is not given, or null for none
   */
  public CommandLine value(String name, String valueName, String defaultValue, String help) {
    return add(new Option(name, valueName, defaultValue, false, help));
  }

  /** Declares {@code --name VALUE} that may be given several times (all values kept). */
  public CommandLine repeatable(String name, String valueName, String help) {
    return add(new Option(name, valueName, null, true, help));
  }

  /** Declares the flag {@code --name} (no value). */
  public CommandLine flag(String name, String help) {
    return add(new Option(name, null, null, false, help));
  }

  /** Allows plain arguments, described by {@code usage} (e.g. "OLD.json NEW.json"). */
  public CommandLine positionals(String usage) {
    this.positionals = usage;
    return this;
  }

  private CommandLine add(Option o) {
    if (!o.name().startsWith("--") || options.putIfAbsent(o.name(), o) != null) {
      throw new IllegalArgumentException(command + ": option " + o.name()
          + " is not --name or is declared twice");
    }
    return this;
  }

  /** How the command is typed, for messages. */
  public String command() { return command; }

  Option option(String name) {
    Option o = options.get(name);
    if (o == null) {
      throw new IllegalArgumentException(command + " has no option " + name);
    }
    return o;
  }

  /**
   * Reads {@code args}.
   *
   * @throws UsageException for an unknown argument, a missing value, or {@code --help}
   */
  public Arguments parse(String... args) throws UsageException {
    Map<String, List<String>> given = new LinkedHashMap<>();
    List<String> plain = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        throw new UsageException(help(), true);
      }
    }
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      Option o = options.get(a);
      if (o == null) {
        if (positionals != null && !a.startsWith("-")) {
          plain.add(a);
          continue;
        }
        throw error("unknown argument '" + a + "'");
      }
      List<String> values = given.computeIfAbsent(a, k -> new ArrayList<>());
      if (o.valueName() == null) {
        values.add("true");
        continue;
      }
      if (i + 1 == args.length || args[i + 1].startsWith("--")) {
        throw error(a + " needs a value (" + o.valueName() + ")");
      }
      if (!o.repeatable()) {
        values.clear();
      }
      values.add(args[++i]);
    }
    return new Arguments(this, given, plain);
  }

  /** A usage error of this command: "COMMAND: message (options: ...)". */
  public UsageException error(String message) {
    return new UsageException(command + ": " + message + " (" + synopsis() + ")", false);
  }

  /** The one-line list of the options, as in error messages. */
  String synopsis() {
    StringJoiner j = new StringJoiner(", ", "options: ", "");
    options.values().forEach(o -> j.add(o.synopsis()));
    j.add("--help");
    return (positionals == null ? "" : "arguments: " + positionals + "; ") + j;
  }

  /** The option list {@code --help} prints: usage, then one line per option with its default. */
  public String help() {
    StringBuilder b = new StringBuilder("usage: quire ").append(command).append(" [options]");
    if (positionals != null) {
      b.append(' ').append(positionals);
    }
    b.append('\n');
    int width = 6;
    for (Option o : options.values()) {
      width = Math.max(width, o.synopsis().length());
    }
    for (Option o : options.values()) {
      b.append(String.format("  %-" + width + "s  %s%s%n", o.synopsis(), o.help(),
          o.defaultValue() == null ? "" : " (default " + o.defaultValue() + ")"));
    }
    b.append(String.format("  %-" + width + "s  %s%n", "--help", "this list"));
    return b.toString();
  }
}
