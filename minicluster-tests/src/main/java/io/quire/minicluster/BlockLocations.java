package io.quire.minicluster;

import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.List;

/**
 * The blocks of a file as a {@link MiniQuireCluster}'s NameNode lists them now (over its
 * {@link MiniQuireCluster#getClientProtocol client protocol}, all of the file's range), for
 * tests that look at a pipeline or at where replicas are.
 */
public final class BlockLocations {
  private BlockLocations() {}

  /** Every block of {@code path}, in order. */
  public static List<LocatedBlock> all(MiniQuireCluster cluster, String path)
      throws IOException {
    return cluster.getClientProtocol().getBlockLocations(path, 0, Long.MAX_VALUE).getBlocks();
  }

  /** The first block of {@code path}. */
  public static LocatedBlock first(MiniQuireCluster cluster, String path) throws IOException {
    return all(cluster, path).get(0);
  }

  /** The last block of {@code path}: the one being written while it is open. */
  public static LocatedBlock last(MiniQuireCluster cluster, String path) throws IOException {
    List<LocatedBlock> blocks = all(cluster, path);
    return blocks.get(blocks.size() - 1);
  }

  /** The ids of the blocks of {@code path}, in order. */
  public static List<Long> ids(MiniQuireCluster cluster, String path) throws IOException {
    return all(cluster, path).stream().map(b -> b.getBlock().getBlockId()).toList();
  }
}
