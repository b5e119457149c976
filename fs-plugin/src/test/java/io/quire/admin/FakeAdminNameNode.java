package io.quire.admin;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.BlockHealth;
import io.quire.protocol.types.ClusterHealth;
import io.quire.protocol.types.FileBlockHealth;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.protocol.types.SafeModeAction;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.security.AccessControlException;

/**
 * A ClientProtocol answering only what the admin tools ask (a dynamic proxy): a tree of paths
 * with located blocks, a DataNode report, stats, a safe-mode flag, and a switch that makes the
 * superuser-only calls throw AccessControlException.
 */
final class FakeAdminNameNode {
  final TreeMap<String, InodeStatus> inodes = new TreeMap<>();
  final Map<String, List<LocatedBlock>> blocks = new TreeMap<>();
  final List<DataNodeInfo> nodes = new ArrayList<>();
  final List<String> calls = new CopyOnWriteArrayList<>();
  FsStats stats = new FsStats(3000, 300, 2700, 1, 0, 0);
  volatile boolean safeMode;
  volatile int safeModeGetsUntilOff = -1;
  volatile boolean refuseSuperuserCalls;
  /** When false, getBlockHealth/getClusterHealth are refused as by an older NameNode. */
  volatile boolean serveHealth;
  final Map<String, List<BlockHealth>> health = new TreeMap<>();
  final List<String> decommissions = new CopyOnWriteArrayList<>();
  private long nextBlock = 1;

  FakeAdminNameNode() {
    inodes.put("/", status("/", true, 0, (short) 0, false));
  }

  static InodeStatus status(String path, boolean dir, long len, short repl, boolean open) {
    return new InodeStatus(path, path.hashCode(), dir, len, repl, 1024, 0, 0, (short) 0755,
        "alice", "users", 0, open, "e");
  }

  DataNodeInfo node(int i, DataNodeInfo.State state) {
    DataNodeInfo d = new DataNodeInfo(new DataNodeId("uuid-" + i, "127.0.0.1", 4000 + i),
        1000, 100, 900, 0, System.currentTimeMillis(), "/default-rack", state);
    nodes.add(d);
    return d;
  }

  void dir(String path) {
    inodes.put(path, status(path, true, 0, (short) 0, false));
  }

  /** A closed file with one block per entry of {@code replicas}, each on those nodes. */
  @SafeVarargs
  final void file(String path, short repl, List<DataNodeInfo>... replicas) {
    List<LocatedBlock> lbs = new ArrayList<>();
    for (List<DataNodeInfo> locs : replicas) {
      lbs.add(new LocatedBlock(new Block(nextBlock++, 1001, 1024), lbs.size() * 1024L, locs,
          false));
    }
    inodes.put(path, status(path, false, 1024L * lbs.size(), repl, false));
    blocks.put(path, lbs);
  }

  void corruptBlock(String path, int index) {
    LocatedBlock lb = blocks.get(path).get(index);
    blocks.get(path).set(index, new LocatedBlock(lb.getBlock(), lb.getOffset(),
        lb.getLocations(), true));
  }

  ClientProtocol proxy() {
    return (ClientProtocol) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ClientProtocol.class}, (p, m, a) -> {
          calls.add(m.getName());
          switch (m.getName()) {
            case "getFileInfo": return inodes.get((String) a[0]);
            case "getListing": return listing((String) a[0]);
            case "getBlockLocations":
              return new LocatedBlocks(inodes.get((String) a[0]).getLength(),
                  blocks.getOrDefault((String) a[0], List.of()), false, true);
            case "getDataNodeReport": return List.copyOf(nodes);
            case "getStats": return stats;
            case "setSafeMode": return safeMode((SafeModeAction) a[0]);
            case "setDecommission":
              if (refuseSuperuserCalls) {
                throw new AccessControlException("setDecommission: mallory is not the superuser");
              }
              decommissions.add("setDecommission " + a[0] + " " + a[1]);
              return null;
            case "getBlockHealth":
              if (!serveHealth) {
                throw new UnsupportedOperationException("getBlockHealth: old NameNode");
              }
              InodeStatus st = inodes.get((String) a[0]);
              return new FileBlockHealth(st.getPath(), st.getLength(), st.getReplication(),
                  false, health.getOrDefault(st.getPath(), List.of()));
            case "getClusterHealth":
              if (!serveHealth) {
                throw new UnsupportedOperationException("getClusterHealth: old NameNode");
              }
              return new ClusterHealth(3000, 300, 2700, 2, 0, 1, 1, 0, 7, 9, 1, 0, 0, 2, true);
            default: throw new UnsupportedOperationException("fake: " + m.getName());
          }
        });
  }

  private boolean safeMode(SafeModeAction action) throws AccessControlException {
    if (action != SafeModeAction.GET) {
      if (refuseSuperuserCalls) {
        throw new AccessControlException("setSafeMode " + action
            + ": mallory is not the superuser\n  at some.Server(Line:1)");
      }
      safeMode = action == SafeModeAction.ENTER;
    } else if (safeModeGetsUntilOff >= 0 && safeModeGetsUntilOff-- == 0) {
      safeMode = false;
    }
    return safeMode;
  }

  private DirectoryListing listing(String dir) {
    String prefix = dir.equals("/") ? "/" : dir + "/";
    List<InodeStatus> out = new ArrayList<>();
    for (InodeStatus s : inodes.tailMap(prefix, false).values()) {
      if (!s.getPath().startsWith(prefix)) {
        break;
      }
      if (s.getPath().indexOf('/', prefix.length()) < 0) {
        out.add(s);
      }
    }
    return new DirectoryListing(out, 0);
  }
}
