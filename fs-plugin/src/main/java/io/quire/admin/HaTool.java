package io.quire.admin;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.ha.Nameservice;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.HaStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.util.Tool;

/**
 * {@code quire admin ha state [id] | failover [--to id] | transition --to-standby id}: HA
 * administration of the nameservice of {@code fs.defaultFS} (quire://&lt;ns&gt;/, or the one in
 * {@code quire.nameservices}). Each NameNode is addressed directly (HaAdminProtocol), never
 * through failover.
 * <ul>
 *   <li>{@code state}: id, HA state, epoch, last applied txid, tail lag, latest checkpoint of
 *       each NameNode (or of one); a NameNode that does not answer is shown DOWN.</li>
 *   <li>{@code failover}: planned failover. Every NameNode other than the active and the target
 *       moves to the back of the election line, then the active syncs, closes its journal writer
 *       and steps down; the command waits until the target (default: the standby with the
 *       least lag) is active and prints how long clients were refused.</li>
 *   <li>{@code transition --to-standby id}: that NameNode steps down (a standby takes over).</li>
 * </ul>
 * Exit codes as {@link AdminTool}'s. Superuser only (the NameNodes check).
 */
public final class HaTool extends Configured implements Tool {
  static final long FAILOVER_TIMEOUT_MS = 60_000;
  private final PrintStream out;
  private final PrintStream err;

  public HaTool() {
    this(System.out, System.err);
  }

  public HaTool(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  static String usage() {
    return "state [id] | failover [--to id] | transition --to-standby id";
  }

  @Override public int run(String[] args) {
    if (args.length == 0 || "-h".equals(args[0]) || "-help".equals(args[0])) {
      (args.length == 0 ? err : out).println("Usage: quire admin ha " + usage());
      return args.length == 0 ? AdminTool.EXIT_USAGE : AdminTool.EXIT_OK;
    }
    try {
      Nameservice ns = nameservice(getConf());
      return switch (args[0]) {
        case "state" -> state(ns, args);
        case "failover" -> failover(ns, args);
        case "transition" -> transition(ns, args);
        default -> throw new AdminTool.UsageException("unknown ha command '" + args[0] + "'");
      };
    } catch (AdminTool.UsageException | IllegalArgumentException e) {
      err.println("ha: " + e.getMessage());
      err.println("Usage: quire admin ha " + usage());
      return AdminTool.EXIT_USAGE;
    } catch (AccessControlException e) {
      err.println("ha: access denied: " + AdminTool.firstLine(e.getMessage()));
      return AdminTool.EXIT_FAILED;
    } catch (IOException e) {
      err.println("ha: " + e.getClass().getSimpleName() + ": "
          + AdminTool.firstLine(e.getMessage()));
      return AdminTool.EXIT_FAILED;
    }
  }

  /** The nameservice of fs.defaultFS, else the configured one. */
  static Nameservice nameservice(Configuration conf) throws IOException {
    URI uri = FileSystem.getDefaultUri(conf);
    if (QuireConfigKeys.SCHEME.equals(uri.getScheme()) && uri.getHost() != null
        && Nameservice.isDefined(conf, uri.getHost())) {
      return Nameservice.named(conf, uri.getHost());
    }
    return Nameservice.configured(conf).orElseThrow(() -> new AdminTool.UsageException(
        "no HA nameservice: fs.defaultFS is " + uri + " and " + QuireConfigKeys.NAMESERVICES_KEY
            + " is not set"));
  }

  private HaAdminProtocol proxy(Nameservice.Member m) throws IOException {
    Configuration c = new Configuration(getConf());
    c.setInt("ipc.client.connect.max.retries", 0);
    c.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
    c.setInt("ipc.client.rpc-timeout.ms", 10_000);
    return QuireRpc.createHaAdminProxy(c, m.rpc(), UserGroupInformation.getCurrentUser());
  }

  /** Status of each NameNode; null for one that does not answer. */
  private Map<String, HaStatus> statuses(Nameservice ns) {
    Map<String, HaStatus> all = new LinkedHashMap<>();
    for (Nameservice.Member m : ns.nameNodes()) {
      all.put(m.id(), statusOrNull(m));
    }
    return all;
  }

  private HaStatus statusOrNull(Nameservice.Member m) {
    try {
      HaAdminProtocol p = proxy(m);
      try {
        return p.getHaStatus();
      } finally {
        QuireRpc.stopProxy(p);
      }
    } catch (IOException e) {
      return null;
    }
  }

  private int state(Nameservice ns, String[] args) throws IOException {
    if (args.length > 2) {
      throw new AdminTool.UsageException("state takes at most one NameNode id");
    }
    List<Nameservice.Member> members = args.length == 2 ? List.of(ns.member(args[1]))
        : ns.nameNodes();
    out.printf("%-8s %-12s %-8s %-14s %-8s %-14s %s%n", "id", "state", "epoch", "applied-txid",
        "lag", "checkpoint", "address");
    boolean anyDown = false;
    for (Nameservice.Member m : members) {
      HaStatus s = statusOrNull(m);
      String addr = m.rpc().getHostString() + ":" + m.rpc().getPort();
      if (s == null) {
        anyDown = true;
        out.printf("%-8s %-12s %-8s %-14s %-8s %-14s %s%n", m.id(), "DOWN", "-", "-", "-", "-",
            addr);
      } else {
        out.printf("%-8s %-12s %-8d %-14d %-8d %-14d %s%n", m.id(), s.state(), s.epoch(),
            s.lastAppliedTxId(), s.tailLag(), s.lastCheckpointTxId(), addr);
      }
    }
    return args.length == 2 && anyDown ? AdminTool.EXIT_FAILED : AdminTool.EXIT_OK;
  }

  private int failover(Nameservice ns, String[] args) throws IOException {
    String to = null;
    if (args.length == 3 && "--to".equals(args[1])) {
      to = args[2];
      ns.member(to);
    } else if (args.length != 1) {
      throw new AdminTool.UsageException("failover takes only --to <id>");
    }
    Map<String, HaStatus> all = statuses(ns);
    String active = null;
    for (Map.Entry<String, HaStatus> e : all.entrySet()) {
      if (e.getValue() != null && e.getValue().state() == HaState.ACTIVE) {
        active = e.getKey();
      }
    }
    if (active == null) {
      throw new IOException("failover: no NameNode of " + ns.name() + " is active now");
    }
    if (to == null) {
      to = bestStandby(all, active);
    }
    if (to.equals(active)) {
      throw new IOException("failover: " + to + " is already the active NameNode");
    }
    HaStatus target = all.get(to);
    if (target == null || target.state() != HaState.STANDBY) {
      throw new IOException("failover: " + to + " is not a running standby ("
          + (target == null ? "DOWN" : target.state()) + ")");
    }
    for (Nameservice.Member m : ns.nameNodes()) {
      if (!m.id().equals(active) && !m.id().equals(to) && all.get(m.id()) != null) {
        HaAdminProtocol p = proxy(m);
        try {
          p.rejoinElection();
        } finally {
          QuireRpc.stopProxy(p);
        }
      }
    }
    long start = System.nanoTime();
    HaAdminProtocol a = proxy(ns.member(active));
    try {
      a.transitionToStandby();
    } finally {
      QuireRpc.stopProxy(a);
    }
    String now = awaitActive(ns, FAILOVER_TIMEOUT_MS);
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (now == null) {
      throw new IOException("failover: " + active + " stepped down but no NameNode became"
          + " active within " + FAILOVER_TIMEOUT_MS + " ms");
    }
    out.println("Failover from " + active + " to " + now + " in " + ms + " ms"
        + (now.equals(to) ? "" : " (" + to + " was asked for, but " + now + " took over)"));
    return now.equals(to) ? AdminTool.EXIT_OK : AdminTool.EXIT_FAILED;
  }

  private static String bestStandby(Map<String, HaStatus> all, String active) throws IOException {
    String best = null;
    long lag = Long.MAX_VALUE;
    for (Map.Entry<String, HaStatus> e : all.entrySet()) {
      HaStatus s = e.getValue();
      if (s != null && s.state() == HaState.STANDBY && s.tailLag() < lag) {
        best = e.getKey();
        lag = s.tailLag();
      }
    }
    if (best == null) {
      throw new IOException("failover: no standby of the active " + active + " is running");
    }
    return best;
  }

  private String awaitActive(Nameservice ns, long timeoutMs) throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      for (Nameservice.Member m : ns.nameNodes()) {
        HaStatus s = statusOrNull(m);
        if (s != null && s.state() == HaState.ACTIVE) {
          return m.id();
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("failover: interrupted while waiting");
      }
    }
    return null;
  }

  private int transition(Nameservice ns, String[] args) throws IOException {
    if (args.length != 3 || !"--to-standby".equals(args[1])) {
      throw new AdminTool.UsageException("transition takes --to-standby <id>");
    }
    HaAdminProtocol p = proxy(ns.member(args[2]));
    try {
      p.transitionToStandby();
    } finally {
      QuireRpc.stopProxy(p);
    }
    out.println(args[2] + " is standby");
    return AdminTool.EXIT_OK;
  }
}
