package io.quire.health;

import io.quire.admin.BlockCheck;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.TargetDirs;
import io.quire.testing.Timing;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.BlockHealth;
import io.quire.protocol.types.DataNodeInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Shared set-up for the issue-3 acceptance tests: a configuration with intervals in the
 * hundreds of milliseconds (heartbeat 100 ms, monitor 100 ms, stale after 500 ms, dead after
 * 1.5 s, scanners every 300 ms), file writing/verification, and per-block health read through
 * ClientProtocol.getBlockHealth (see {@link BlockCheck}).
 */
final class HealthClusters {
  static final long HEARTBEAT_MS = 100;
  static final long MONITOR_MS = 100;
  static final long STALE_MS = 500;
  static final long EXPIRE_MS = 1500;
  static final long SCAN_MS = 300;
  static final int BLOCK_SIZE = 64 * 1024;

  private HealthClusters() { }

  /** Test configuration: fast liveness, replication and scanners; base dir under target/. */
  static Configuration conf(short replication) {
    Configuration c = new Configuration();
    c.setLong(QuireConfigKeys.HEARTBEAT_INTERVAL_KEY, HEARTBEAT_MS);
    c.setLong(NameNodeConfigKeys.MONITOR_INTERVAL_KEY, MONITOR_MS);
    c.setLong(NameNodeConfigKeys.HEARTBEAT_STALE_KEY, STALE_MS);
    c.setLong(NameNodeConfigKeys.HEARTBEAT_EXPIRE_KEY, EXPIRE_MS);
    c.setInt(QuireConfigKeys.REPLICATION_KEY, replication);
    c.setLong(QuireConfigKeys.BLOCK_SIZE_KEY, BLOCK_SIZE);
    // DataNode scanners (keys of io.quire.datanode.conf.DataNodeConfigKeys): fast and unthrottled.
    c.setLong("quire.datanode.scan.period.ms", SCAN_MS);
    c.setLong("quire.datanode.scan.bytes-per-second", 256L * 1024 * 1024);
    c.setLong("quire.datanode.directoryscan.interval.ms", SCAN_MS);
    c.setLong("quire.datanode.blockreport.interval.ms", 2000);
    return c;
  }

  static MiniQuireCluster start(Configuration conf, int dataNodes, String name)
      throws IOException {
    return MiniQuireCluster.builder(conf).numDataNodes(dataNodes)
        .baseDir(TargetDirs.freshFile(HealthClusters.class, name)).build();
  }

  /** A bound of {@code n} liveness-expiry intervals, scaled like every test timeout. */
  static Duration intervals(int n) {
    return Timing.scaled(Duration.ofMillis(n * EXPIRE_MS));
  }

  static void write(FileSystem fs, Path p, byte[] data) throws IOException {
    try (FSDataOutputStream out = fs.create(p, true)) {
      out.write(data);
    }
  }

  static byte[] read(FileSystem fs, Path p) throws IOException {
    long len = fs.getFileStatus(p).getLen();
    byte[] b = new byte[(int) len];
    try (FSDataInputStream in = fs.open(p)) {
      in.readFully(0, b);
    }
    return b;
  }

  /** Health of every block of a file, as the NameNode's getBlockHealth reports it. */
  static List<BlockCheck> blocks(ClientProtocol nn, String path) throws IOException {
    List<BlockCheck> out = new ArrayList<>();
    for (BlockHealth h : nn.getBlockHealth(path).getBlocks()) {
      out.add(BlockCheck.of(h));
    }
    return out;
  }

  /** True when every block of every path has exactly {@code n} live replicas. */
  static boolean allAtLive(ClientProtocol nn, List<String> paths, int n) throws IOException {
    for (String p : paths) {
      for (BlockCheck c : blocks(nn, p)) {
        if (c.live() != n || c.corrupt() > 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** State of a DataNode as the NameNode reports it, or null when it does not know it. */
  static DataNodeInfo.State stateOf(ClientProtocol nn, String uuid) throws IOException {
    for (DataNodeInfo d : nn.getDataNodeReport()) {
      if (d.getUuid().equals(uuid)) {
        return d.getState();
      }
    }
    return null;
  }

  /** The bytes of block {@code index} of {@code data}. */
  static byte[] slice(byte[] data, int index) {
    int from = index * BLOCK_SIZE;
    int to = Math.min(data.length, from + BLOCK_SIZE);
    byte[] b = new byte[to - from];
    System.arraycopy(data, from, b, 0, b.length);
    return b;
  }
}
