package io.quire.bench.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one argument parser of the bench suites: values, defaults, and every usage error. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommandLineTest {
  private static CommandLine suite() {
    return new CommandLine("bench --suite demo")
        .value("--runs", "N", "3", "timed runs")
        .value("--bytes", "SIZE", "1g", "bytes written")
        .value("--threads", "N,M", "1,8", "thread counts")
        .value("--only", "quire|hdfs", null, "one system only")
        .value("--sync-on-close", "true|false", null, "fsync replicas")
        .repeatable("--quire-client", "KEY=VALUE", "client setting")
        .flag("--no-limits", "skip the limits")
        .value("--dir", "DIR", "target/bench", "where clusters live");
  }

  @Test
  void valuesDefaultsAndFlags() throws UsageException {
    Arguments a = suite().parse("--runs", "5", "--bytes", "64m", "--no-limits", "--threads",
        "2, 4", "--quire-client", "a=1", "--quire-client", "b=2", "--runs", "7");
    assertEquals(7, a.integer("--runs"), "the last of a repeated value wins");
    assertEquals(64L << 20, a.bytes("--bytes"));
    assertEquals(List.of(2, 4), a.integers("--threads"));
    assertTrue(a.flag("--no-limits"));
    assertEquals(List.of("a=1", "b=2"), a.strings("--quire-client"));
    assertNull(a.string("--only"));
    assertNull(a.bool("--sync-on-close"));
    assertEquals(new File("target/bench").getAbsoluteFile(), a.file("--dir"));

    Arguments defaults = suite().parse();
    assertEquals(3, defaults.integer("--runs"));
    assertEquals(1L << 30, defaults.bytes("--bytes"));
    assertEquals(List.of(1, 8), defaults.integers("--threads"));
    assertFalse(defaults.flag("--no-limits"));
    assertFalse(defaults.given("--runs"));
    assertEquals(false, suite().parse("--sync-on-close", "false").bool("--sync-on-close"));
  }

  @Test
  void anUnknownOptionIsOneLineNamingItAndListingTheOptions() {
    UsageException e = assertThrows(UsageException.class,
        () -> suite().parse("--runs", "2", "--rnus", "3"));
    assertFalse(e.isHelp());
    assertEquals(2, e.exitStatus());
    String m = e.getMessage();
    assertTrue(m.startsWith("bench --suite demo: unknown argument '--rnus' (options: --runs N,"),
        m);
    assertTrue(m.contains("--no-limits, --dir DIR, --help)"), m);
    assertFalse(m.contains("\n"), "one line: " + m);
    assertThrows(UsageException.class, () -> suite().parse("stray"), "no plain arguments");
  }

  @Test
  void anOptionWithoutItsValueIsNamed() {
    UsageException atEnd = assertThrows(UsageException.class,
        () -> suite().parse("--no-limits", "--runs"));
    assertTrue(atEnd.getMessage().startsWith("bench --suite demo: --runs needs a value (N)"),
        atEnd.getMessage());
    UsageException beforeNext = assertThrows(UsageException.class,
        () -> suite().parse("--dir", "--runs", "3"));
    assertTrue(beforeNext.getMessage().startsWith("bench --suite demo: --dir needs a value"),
        beforeNext.getMessage());
  }

  @Test
  void aValueThatDoesNotConvertNamesOptionAndValue() throws UsageException {
    Arguments a = suite().parse("--runs", "three", "--bytes", "12q", "--threads", "1,,2",
        "--sync-on-close", "yes");
    assertTrue(assertThrows(UsageException.class, () -> a.integer("--runs")).getMessage()
        .startsWith("bench --suite demo: --runs wants a whole number, not 'three'"));
    assertTrue(assertThrows(UsageException.class, () -> a.bytes("--bytes")).getMessage()
        .contains("--bytes wants a size"));
    assertTrue(assertThrows(UsageException.class, () -> a.integers("--threads")).getMessage()
        .contains("--threads wants whole numbers separated by commas, not '1,,2'"));
    assertTrue(assertThrows(UsageException.class, () -> a.bool("--sync-on-close"))
        .getMessage().contains("--sync-on-close wants true or false, not 'yes'"));
    Arguments only = suite().parse("--only", "hfds");
    assertTrue(assertThrows(UsageException.class, () -> only.oneOf("--only", "quire", "hdfs"))
        .getMessage().contains("--only wants quire or hdfs, not 'hfds'"));
    assertEquals("hdfs", suite().parse("--only", "hdfs").oneOf("--only", "quire", "hdfs"));
    assertNull(suite().parse().oneOf("--only", "quire", "hdfs"));
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    UsageException e = assertThrows(UsageException.class,
        () -> suite().parse("--runs", "nonsense-is-not-read", "--help"));
    assertTrue(e.isHelp());
    assertEquals(0, e.exitStatus());
    String help = e.getMessage();
    assertTrue(help.startsWith("usage: quire bench --suite demo [options]\n"), help);
    assertTrue(help.contains("--runs N"), help);
    assertTrue(help.contains("timed runs (default 3)"), help);
    assertTrue(help.contains("--only quire|hdfs"), help);
    assertTrue(help.contains("--no-limits"), help);
    assertTrue(help.contains("--help"), help);
    assertEquals(10, help.split("\n").length, "usage, 8 options, --help: " + help);
    assertTrue(assertThrows(UsageException.class, () -> suite().parse("-h")).isHelp());
  }

  @Test
  void positionalsOnlyWhereDeclared() throws UsageException {
    CommandLine compare = new CommandLine("bench --compare")
        .value("--threshold", "PERCENT", "10", "noise").positionals("OLD.json NEW.json");
    Arguments a = compare.parse("old.json", "--threshold", "5", "new.json");
    assertEquals(List.of("old.json", "new.json"), a.positionals());
    assertEquals(5.0, a.decimal("--threshold"));
    UsageException e = assertThrows(UsageException.class, () -> compare.parse("--x"));
    assertTrue(e.getMessage().contains("arguments: OLD.json NEW.json; options: --threshold"),
        e.getMessage());
  }

  @Test
  void readingAnUndeclaredOptionIsABug() throws UsageException {
    Arguments a = suite().parse();
    assertThrows(IllegalArgumentException.class, () -> a.string("--nope"));
    assertThrows(IllegalArgumentException.class, () -> a.integer("--only"),
        "a number without default must be checked with given() first");
    assertThrows(IllegalArgumentException.class,
        () -> new CommandLine("x").flag("--a", "").flag("--a", ""));
  }
}
