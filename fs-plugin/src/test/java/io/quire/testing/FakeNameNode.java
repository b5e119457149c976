package io.quire.testing;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.NotReplicatedYetException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.protocol.types.RenameMode;
import io.quire.protocol.types.SafeModeAction;
import io.quire.protocol.types.ServerDefaults;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;

/**
 * An in-memory NameNode for client unit tests: a flat map of paths, blocks placed on the given
 * fake DataNodes, call counters, and switches to make addBlock throw NotReplicatedYetException
 * or complete return false a few times. Listing pages hold {@link #pageSize} entries.
 */
public final class FakeNameNode implements ClientProtocol {
  /** One inode. */
  public static final class Node {
    public final String path;
    public final long id;
    public final boolean dir;
    public short perm;
    public long blockSize;
    public short replication;
    public boolean underConstruction;
    public long fsyncLength = -1;
    public final List<LocatedBlock> blocks = new ArrayList<>();

    Node(String path, long id, boolean dir) {
      this.path = path;
      this.id = id;
      this.dir = dir;
    }

    long length() {
      return blocks.stream().mapToLong(b -> b.getBlock().getNumBytes()).sum();
    }
  }

  private final TreeMap<String, Node> nodes = new TreeMap<>();
  private final List<FakeDataNode> datanodes;
  private final AtomicLong ids = new AtomicLong(1000);
  private final AtomicLong stamps = new AtomicLong(1);
  public final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  public final List<LocatedBlock> badBlocks = new CopyOnWriteArrayList<>();
  public final List<List<DataNodeInfo>> pipelineUpdates = new CopyOnWriteArrayList<>();
  public final List<List<String>> excludedSeen = new CopyOnWriteArrayList<>();
  public volatile int notReplicatedYet;
  public volatile int completeFalse;
  public volatile int pageSize = 1000;

  public FakeNameNode(List<FakeDataNode> datanodes) {
    this.datanodes = datanodes;
    nodes.put("/", new Node("/", ids.incrementAndGet(), true));
  }

  public int calls(String method) {
    AtomicInteger c = calls.get(method);
    return c == null ? 0 : c.get();
  }

  public synchronized Node node(String path) { return nodes.get(path); }

  private void count(String m) {
    calls.computeIfAbsent(m, k -> new AtomicInteger()).incrementAndGet();
  }

  private static String parent(String p) {
    int i = p.lastIndexOf('/');
    return i <= 0 ? "/" : p.substring(0, i);
  }

  private InodeStatus status(Node n) {
    int children = 0;
    if (n.dir) {
      for (String k : nodes.keySet()) {
        if (!k.equals(n.path) && parent(k).equals(n.path)) {
          children++;
        }
      }
    }
    return new InodeStatus(n.path, n.id, n.dir, n.length(), n.replication,
        n.blockSize, 1L, 1L, n.perm, "user", "group", children, n.underConstruction,
        n.dir ? "" : n.id + "-" + n.length());
  }

  @Override public ServerDefaults getServerDefaults() {
    count("getServerDefaults");
    return new ServerDefaults(128L << 20, 512, 64 << 10, (short) 3, 1024);
  }

  @Override public synchronized InodeStatus getFileInfo(String path) {
    count("getFileInfo");
    Node n = nodes.get(path);
    return n == null ? null : status(n);
  }

  @Override public synchronized boolean mkdirs(String path, short permission,
      boolean createParent) throws IOException {
    count("mkdirs");
    Node n = nodes.get(path);
    if (n != null) {
      if (!n.dir) {
        throw new FileAlreadyExistsException("mkdirs " + path + ": is a file");
      }
      return true;
    }
    if (!path.equals("/")) {
      mkdirs(parent(path), permission, createParent);
    }
    Node d = new Node(path, ids.incrementAndGet(), true);
    d.perm = permission;
    nodes.put(path, d);
    return true;
  }

  @Override public synchronized InodeStatus create(String path, short permission,
      String clientName, boolean overwrite, boolean createParent, short replication,
      long blockSize) throws IOException {
    count("create");
    Node old = nodes.get(path);
    if (old != null && (old.dir || !overwrite)) {
      throw new FileAlreadyExistsException("create " + path + ": exists");
    }
    Node p = nodes.get(parent(path));
    if (p == null) {
      if (!createParent) {
        throw new FileNotFoundException("create " + path + ": parent missing");
      }
      mkdirs(parent(path), (short) 0755, true);
    } else if (!p.dir) {
      throw new ParentNotDirectoryException("create " + path + ": parent is a file");
    }
    Node n = new Node(path, ids.incrementAndGet(), false);
    n.perm = permission;
    n.blockSize = blockSize;
    n.replication = replication;
    n.underConstruction = true;
    nodes.put(path, n);
    return status(n);
  }

  @Override public synchronized LocatedBlock append(String path, String clientName)
      throws IOException {
    count("append");
    Node n = nodes.get(path);
    if (n == null || n.dir) {
      throw new FileNotFoundException("append " + path);
    }
    n.underConstruction = true;
    if (n.blocks.isEmpty()) {
      return null;
    }
    LocatedBlock last = n.blocks.get(n.blocks.size() - 1);
    return last.getBlock().getNumBytes() < n.blockSize ? last : null;
  }

  @Override public synchronized LocatedBlock addBlock(String path, long fileId, String clientName,
      Block previous, List<String> excludedNodes, String clientHost) throws IOException {
    count("addBlock");
    excludedSeen.add(List.copyOf(excludedNodes));
    Node n = nodes.get(path);
    if (notReplicatedYet > 0 && previous != null) {
      notReplicatedYet--;
      throw new NotReplicatedYetException("not yet: " + previous);
    }
    commit(n, previous);
    List<DataNodeInfo> targets = new ArrayList<>();
    for (FakeDataNode d : datanodes) {
      if (!excludedNodes.contains(d.info().getUuid()) && targets.size() < n.replication) {
        targets.add(d.info());
      }
    }
    long offset = n.length();
    LocatedBlock lb = new LocatedBlock(new Block(ids.incrementAndGet(),
        stamps.incrementAndGet(), 0), offset, targets, false);
    n.blocks.add(lb);
    return lb;
  }

  private void commit(Node n, Block b) {
    if (b == null) {
      return;
    }
    for (int i = 0; i < n.blocks.size(); i++) {
      LocatedBlock lb = n.blocks.get(i);
      if (lb.getBlock().getBlockId() == b.getBlockId()) {
        n.blocks.set(i, new LocatedBlock(b, lb.getOffset(), lb.getLocations(), false));
      }
    }
  }

  @Override public synchronized void abandonBlock(String path, long fileId, String clientName,
      Block block) {
    count("abandonBlock");
    nodes.get(path).blocks.removeIf(lb -> lb.getBlock().getBlockId() == block.getBlockId());
  }

  @Override public synchronized boolean complete(String path, long fileId, String clientName,
      Block last) {
    count("complete");
    if (completeFalse > 0) {
      completeFalse--;
      return false;
    }
    Node n = nodes.get(path);
    commit(n, last);
    n.underConstruction = false;
    n.fsyncLength = -1;
    return true;
  }

  @Override public synchronized void fsync(String path, long fileId, String clientName,
      long lastBlockLength) {
    count("fsync");
    Node n = nodes.get(path);
    LocatedBlock last = n.blocks.get(n.blocks.size() - 1);
    n.fsyncLength = last.getOffset() + lastBlockLength;
    n.blocks.set(n.blocks.size() - 1, new LocatedBlock(
        last.getBlock().withNumBytes(lastBlockLength), last.getOffset(), last.getLocations(),
        false));
  }

  @Override public synchronized LocatedBlocks getBlockLocations(String path, long offset,
      long length) throws IOException {
    count("getBlockLocations");
    Node n = nodes.get(path);
    if (n == null || n.dir) {
      throw new FileNotFoundException("getBlockLocations " + path);
    }
    return new LocatedBlocks(n.length(), n.blocks, n.underConstruction, !n.underConstruction);
  }

  @Override public synchronized DirectoryListing getListing(String path, String startAfter)
      throws IOException {
    count("getListing");
    Node n = nodes.get(path);
    if (n == null) {
      throw new FileNotFoundException("getListing " + path);
    }
    if (!n.dir) {
      return new DirectoryListing(List.of(status(n)), 0);
    }
    List<InodeStatus> all = new ArrayList<>();
    for (Node c : nodes.values()) {
      String name = c.path.substring(c.path.lastIndexOf('/') + 1);
      if (!c.path.equals("/") && parent(c.path).equals(path) && name.compareTo(startAfter) > 0) {
        all.add(status(c));
      }
    }
    int k = Math.min(pageSize, all.size());
    return new DirectoryListing(all.subList(0, k), all.size() - k);
  }

  @Override public synchronized void rename(String src, String dst, RenameMode mode)
      throws IOException {
    count("rename");
    Node s = nodes.get(src);
    if (s == null) {
      throw new FileNotFoundException("rename " + src + ": source missing");
    }
    Node d = nodes.get(dst);
    if (d != null && d.dir && mode == RenameMode.INTO_DIRECTORY) {
      dst = dst + "/" + src.substring(src.lastIndexOf('/') + 1);
      d = nodes.get(dst);
    }
    if (d != null && mode != RenameMode.OVERWRITE) {
      throw new FileAlreadyExistsException("rename " + src + " to " + dst + ": exists");
    }
    Node p = nodes.get(parent(dst));
    if (p == null) {
      throw new FileNotFoundException("rename " + src + " to " + dst + ": parent missing");
    }
    if (!p.dir) {
      throw new ParentNotDirectoryException("rename to " + dst + ": parent is a file");
    }
    Node moved = new Node(dst, s.id, s.dir);
    moved.perm = s.perm;
    moved.blockSize = s.blockSize;
    moved.replication = s.replication;
    moved.blocks.addAll(s.blocks);
    nodes.remove(src);
    nodes.put(dst, moved);
  }

  @Override public synchronized boolean delete(String path, boolean recursive)
      throws IOException {
    count("delete");
    if (!recursive && nodes.keySet().stream().anyMatch(k -> k.startsWith(path + "/"))) {
      throw new org.apache.hadoop.fs.PathIsNotEmptyDirectoryException("delete " + path
          + ": directory is not empty");
    }
    boolean had = nodes.containsKey(path);
    nodes.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + "/"));
    return had;
  }

  @Override public void setPermission(String path, short permission) {
    count("setPermission");
  }

  @Override public void setOwner(String path, String owner, String group) {
    count("setOwner");
  }

  @Override public void setTimes(String path, long m, long a) {
    count("setTimes");
  }

  @Override public boolean setReplication(String path, short replication) {
    count("setReplication");
    return true;
  }

  @Override public ContentSummaryInfo getContentSummary(String path) {
    count("getContentSummary");
    return new ContentSummaryInfo(0, 0, 1, 0);
  }

  @Override public void concat(String target, List<String> sources) {
    count("concat");
  }

  @Override public boolean truncate(String path, long newLength, String clientName) {
    count("truncate");
    return true;
  }

  @Override public void renewLease(String clientName) {
    count("renewLease");
  }

  @Override public boolean recoverLease(String path, String clientName) {
    count("recoverLease");
    return true;
  }

  @Override public boolean isFileClosed(String path) {
    count("isFileClosed");
    return true;
  }

  @Override public void reportBadBlocks(List<LocatedBlock> blocks) {
    count("reportBadBlocks");
    badBlocks.addAll(blocks);
  }

  @Override public LocatedBlock updateBlockForPipeline(Block block, String clientName) {
    count("updateBlockForPipeline");
    return new LocatedBlock(block.withGenerationStamp(stamps.incrementAndGet()), 0, List.of(),
        false);
  }

  @Override public synchronized void updatePipeline(String clientName, Block oldBlock,
      Block newBlock, List<DataNodeInfo> newNodes) {
    count("updatePipeline");
    pipelineUpdates.add(List.copyOf(newNodes));
    for (Node n : nodes.values()) {
      for (int i = 0; i < n.blocks.size(); i++) {
        LocatedBlock lb = n.blocks.get(i);
        if (lb.getBlock().getBlockId() == oldBlock.getBlockId()) {
          n.blocks.set(i, new LocatedBlock(newBlock, lb.getOffset(), newNodes, false));
        }
      }
    }
  }

  @Override public List<DataNodeInfo> getAdditionalDataNodes(String path, long fileId,
      Block block, List<DataNodeInfo> existing, List<String> excluded, int count,
      String clientName) {
    count("getAdditionalDataNodes");
    return List.of();
  }

  @Override public FsStats getStats() {
    count("getStats");
    return new FsStats(1000, 100, 900, 0, 0, 0);
  }

  @Override public List<DataNodeInfo> getDataNodeReport() {
    count("getDataNodeReport");
    List<DataNodeInfo> r = new ArrayList<>();
    for (FakeDataNode d : datanodes) {
      r.add(d.info());
    }
    return r;
  }

  @Override public boolean setSafeMode(SafeModeAction action) {
    count("setSafeMode");
    return action == SafeModeAction.ENTER;
  }

  // The fake serves file operations only; administrative calls are not part of what it fakes.
  @Override public void setDecommission(String datanode, boolean decommission) {
    throw new UnsupportedOperationException("FakeNameNode: setDecommission " + datanode);
  }

  @Override public io.quire.protocol.types.FileBlockHealth getBlockHealth(String path) {
    throw new UnsupportedOperationException("FakeNameNode: getBlockHealth " + path);
  }

  @Override public io.quire.protocol.types.ClusterHealth getClusterHealth() {
    throw new UnsupportedOperationException("FakeNameNode: getClusterHealth");
  }

  // ACLs and extended attributes are not part of what the fake serves.
  @Override public void modifyAclEntries(String path,
      List<org.apache.hadoop.fs.permission.AclEntry> spec) {
    throw new UnsupportedOperationException("FakeNameNode: modifyAclEntries " + path);
  }

  @Override public void removeAclEntries(String path,
      List<org.apache.hadoop.fs.permission.AclEntry> spec) {
    throw new UnsupportedOperationException("FakeNameNode: removeAclEntries " + path);
  }

  @Override public void removeDefaultAcl(String path) {
    throw new UnsupportedOperationException("FakeNameNode: removeDefaultAcl " + path);
  }

  @Override public void removeAcl(String path) {
    throw new UnsupportedOperationException("FakeNameNode: removeAcl " + path);
  }

  @Override public void setAcl(String path,
      List<org.apache.hadoop.fs.permission.AclEntry> spec) {
    throw new UnsupportedOperationException("FakeNameNode: setAcl " + path);
  }

  @Override public org.apache.hadoop.fs.permission.AclStatus getAclStatus(String path) {
    throw new UnsupportedOperationException("FakeNameNode: getAclStatus " + path);
  }

  @Override public void setXAttr(String path, String name, byte[] value,
      java.util.EnumSet<org.apache.hadoop.fs.XAttrSetFlag> flags) {
    throw new UnsupportedOperationException("FakeNameNode: setXAttr " + path);
  }

  @Override public Map<String, byte[]> getXAttrs(String path, List<String> names) {
    throw new UnsupportedOperationException("FakeNameNode: getXAttrs " + path);
  }

  @Override public List<String> listXAttrs(String path) {
    throw new UnsupportedOperationException("FakeNameNode: listXAttrs " + path);
  }

  @Override public void removeXAttr(String path, String name) {
    throw new UnsupportedOperationException("FakeNameNode: removeXAttr " + path);
  }

  @Override public void allowSnapshot(String path) {
    throw new UnsupportedOperationException("FakeNameNode: allowSnapshot " + path);
  }

  @Override public void disallowSnapshot(String path) {
    throw new UnsupportedOperationException("FakeNameNode: disallowSnapshot " + path);
  }

  @Override public String createSnapshot(String path, String name) {
    throw new UnsupportedOperationException("FakeNameNode: createSnapshot " + path);
  }

  @Override public void deleteSnapshot(String path, String name) {
    throw new UnsupportedOperationException("FakeNameNode: deleteSnapshot " + path);
  }

  @Override public void renameSnapshot(String path, String oldName, String newName) {
    throw new UnsupportedOperationException("FakeNameNode: renameSnapshot " + path);
  }

  @Override public List<io.quire.protocol.types.SnapshottableDirectory>
      getSnapshottableDirListing() {
    throw new UnsupportedOperationException("FakeNameNode: getSnapshottableDirListing");
  }

  @Override public List<io.quire.protocol.types.SnapshotDiffEntry> getSnapshotDiffReport(
      String path, String from, String to) {
    throw new UnsupportedOperationException("FakeNameNode: getSnapshotDiffReport " + path);
  }

  @Override public void setQuota(String path, long namespaceQuota, long storagespaceQuota) {
    throw new UnsupportedOperationException("FakeNameNode: setQuota " + path);
  }

  @Override public org.apache.hadoop.fs.QuotaUsage getQuotaUsage(String path) {
    throw new UnsupportedOperationException("FakeNameNode: getQuotaUsage " + path);
  }
}
