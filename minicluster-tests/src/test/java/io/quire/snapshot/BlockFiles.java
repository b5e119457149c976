package io.quire.snapshot;

import io.quire.minicluster.BlockLocations;
import io.quire.minicluster.MiniQuireCluster;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;

/**
 * Files of the snapshot tests' cluster of one DataNode: written whole with replication 1 and a
 * given block size, read whole, and their blocks as the NameNode lists them and as DataNode 0
 * holds them.
 */
final class BlockFiles {
  private final MiniQuireCluster cluster;
  private final int blockSize;

  BlockFiles(MiniQuireCluster cluster, int blockSize) {
    this.cluster = cluster;
    this.blockSize = blockSize;
  }

  byte[] read(String path) throws IOException {
    try (FSDataInputStream in = cluster.getFileSystem().open(new Path(path))) {
      return IOUtils.readFullyToByteArray(in);
    }
  }

  /** Creates or overwrites {@code path} with {@code data}. */
  void write(String path, byte[] data) throws IOException {
    try (FSDataOutputStream out = cluster.getFileSystem().create(new Path(path), true, 4096,
        (short) 1, blockSize)) {
      out.write(data);
    }
  }

  /** The ids of the blocks of {@code path} (a file or a snapshot's copy), in order. */
  List<Long> blockIds(String path) throws IOException {
    return BlockLocations.ids(cluster, path);
  }

  /** Whether DataNode 0 holds a replica of the block. */
  boolean onDataNode(long blockId) {
    return cluster.getDataNode(0).getBlockFile(blockId) != null;
  }
}
