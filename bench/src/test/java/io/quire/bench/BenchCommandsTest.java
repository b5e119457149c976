package io.quire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quire.bench.args.CommandLine;
import io.quire.bench.args.UsageException;
import io.quire.bench.history.CompareMain;
import io.quire.bench.memory.MemoryBenchMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every suite's options: each one the suite took before the shared parser (same names, values
 * of the same form) still parses, and every {@code quire bench ...} command line written in
 * docs/BENCHMARKS.md, README.md and scripts/quire is accepted by its suite.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BenchCommandsTest {
  private static final Map<String, Supplier<CommandLine>> SUITES = Map.ofEntries(
      Map.entry("core", CoreBenchMain::commandLine),
      Map.entry("sweep", SweepBenchMain::commandLine),
      Map.entry("quota", () -> CreateCloseSuite.commandLine("quota")),
      Map.entry("snapshot", SnapshotBenchMain::commandLine),
      Map.entry("health", HealthBenchMain::commandLine),
      Map.entry("jobs", JobsBenchMain::commandLine),
      Map.entry("journal-replay", JournalReplayBenchMain::commandLine),
      Map.entry("ha", HaSettings::commandLine),
      Map.entry("soak", SoakSettings::commandLine),
      Map.entry("memory", MemoryBenchMain::commandLine),
      Map.entry("compare", CompareMain::commandLine));

  private static void accepts(String suite, String... args) {
    try {
      SUITES.get(suite).get().parse(args);
    } catch (UsageException e) {
      fail(suite + " " + String.join(" ", args) + ": " + e.getMessage());
    }
  }

  @Test
  void everyOptionOfBeforeStillParses() {
    String[] core = {"--runs", "3", "--warmup", "1", "--bytes", "1g", "--files", "5000",
        "--threads", "1,8", "--datanodes", "3", "--only", "quire", "--hdfs-skip-fsync",
        "--sync-on-close", "true", "--dir", "target/bench", "--limit-seconds", "2",
        "--no-limits"};
    accepts("core", core);
    accepts("sweep", "--runs", "3", "--files", "1000", "--threads", "1,2", "--sizes", "1k,64m",
        "--full", "--datanodes", "3", "--only", "hdfs", "--hdfs-skip-fsync", "--sync-on-close",
        "false", "--dir", "d", "--limit-seconds", "1", "--no-limits");
    for (String s : List.of("quota", "snapshot")) {
      accepts(s, "--runs", "3", "--files", "2000", "--threads", "1,8", "--datanodes", "1",
          "--dir", "d");
    }
    accepts("snapshot", "--heap-files", "0");
    accepts("health", "--runs", "3", "--blocks", "200", "--block-size", "1m", "--small-files",
        "1000", "--datanodes", "4", "--heartbeat-ms", "1000", "--recheck-ms", "1000", "--only",
        "quire", "--dir", "d");
    accepts("jobs", "--orders", "1000000", "--runs", "3", "--datanodes", "3", "--dir", "d");
    accepts("journal-replay", "--records", "100000", "--per-batch", "1,8", "--payload", "120",
        "--passes", "3", "--read-ahead", "4");
    accepts("ha", "--runs", "3", "--failovers", "5", "--clients", "3", "--files", "1000",
        "--threads", "1,8", "--zk-servers", "3", "--only", "planned,kill", "--quire-client",
        "a=1", "--quire-client", "b=2", "--dir", "d");
    accepts("soak", "--clients", "16", "--minutes", "10", "--large-mb", "4", "--large-every",
        "25", "--block-size-mb", "1", "--down-seconds", "10", "--in-process", "--dir", "d",
        "--probe-minutes", "5", "--histograms", "h");
    accepts("memory", "--files", "1000000", "--empty-files", "1000", "--threads", "16",
        "--datanodes", "3", "--heap", "4g", "--runs", "1", "--only", "quire",
        "--retry-cache-expiry-ms", "1000", "--dir", "d");
    accepts("compare", "old.json", "new.json", "--threshold", "5");
  }

  @Test
  void parsedSettingsKeepTheirMeaning() throws UsageException {
    VersusSettings v = VersusSettings.from(CoreBenchMain.commandLine().parse());
    assertEquals(3, v.runs());
    assertEquals(5000, v.files());
    assertEquals(List.of(1, 8), v.threads());
    assertEquals(Clusters.of(3), v.clusters());
    assertEquals(2000, v.limitMillis());
    VersusSettings w = VersusSettings.from(SweepBenchMain.commandLine().parse("--no-limits",
        "--limit-seconds", "5", "--only", "hdfs", "--sync-on-close", "false",
        "--hdfs-skip-fsync"));
    assertEquals(0, w.limitMillis(), "--no-limits wins over --limit-seconds");
    assertEquals(new Clusters(3, "hdfs", true, false), w.clusters());
    assertEquals(List.of(1, 2, 4, 8, 16, 32), w.threads());
    SoakSettings s = SoakSettings.parse(new String[] {"--in-process", "--minutes", "0.5"});
    assertEquals(false, s.fork());
    assertEquals(0.5, s.minutes());
    HaSettings h = HaSettings.parse(new String[] {"--only", "kill", "--quire-client", "k=v=w"});
    assertTrue(h.has("kill") && !h.has("ops"));
    assertEquals(Map.of("k", "v=w"), h.quireClient());
  }

  @Test
  void suiteChecksAreOneLineUsageErrors() {
    UsageException only = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
        () -> VersusSettings.from(CoreBenchMain.commandLine().parse("--only", "hfds")));
    assertTrue(only.getMessage().startsWith("bench: --only wants quire or hdfs, not 'hfds'"),
        only.getMessage());
    UsageException failovers = org.junit.jupiter.api.Assertions.assertThrows(
        UsageException.class, () -> HaSettings.parse(new String[] {"--failovers", "1"}));
    assertTrue(failovers.getMessage().startsWith("bench --suite ha: --failovers must be"),
        failovers.getMessage());
  }

  /**
   * The lines of fenced code blocks (and of a script) that run "quire bench", and the inline
   * code spans of the prose that do; continuation lines joined.
   */
  private static List<String> documentedCommands(Path file) throws IOException {
    String text = Files.readString(file).replace("\\\n", " ");
    List<String> out = new ArrayList<>();
    StringBuilder prose = new StringBuilder();
    boolean fenced = false;
    for (String line : text.split("\n")) {
      if (line.trim().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced || !line.contains("`")) {
        if (line.matches("\\s*(#\\s*)?(QUIRE_\\S+ )*(\\S*/)?quire bench.*")) {
          out.add(line);
        }
      }
      if (!fenced) {
        prose.append(line).append('\n');
      }
    }
    Matcher span = Pattern.compile("`([^`]*quire bench[^`]*)`").matcher(prose);
    while (span.find()) {
      out.add(span.group(1));
    }
    return out;
  }

  @Test
  void commandsInTheDocsAreAcceptedByTheirSuites() throws IOException {
    int checked = 0;
    for (String doc : List.of("../docs/BENCHMARKS.md", "../README.md", "../scripts/quire")) {
      for (String command : documentedCommands(Path.of(doc))) {
        String rest = command.substring(command.indexOf("quire bench") + "quire bench".length());
        rest = rest.replaceAll("\\s#.*", "").replaceAll("[\\[\\]]", " ").trim();
        List<String> args = new ArrayList<>(rest.isEmpty() ? List.of()
            : Arrays.asList(rest.split("\\s+")));
        String suite = "core";
        if (!args.isEmpty() && args.get(0).equals("--compare")) {
          suite = "compare";
          args.remove(0);
        } else if (args.size() >= 2 && args.get(0).equals("--suite")) {
          suite = args.get(1);
          args.subList(0, 2).clear();
        }
        if (!SUITES.containsKey(suite) || args.contains("args")) {
          continue; // a synopsis such as --suite sweep|memory|... [args]
        }
        try {
          SUITES.get(suite).get().parse(args.toArray(new String[0]));
        } catch (UsageException e) {
          fail(doc + ": `quire bench " + rest + "`: " + e.getMessage());
        }
        checked++;
      }
    }
    assertTrue(checked > 30, "found the documented commands: " + checked);
  }
}
