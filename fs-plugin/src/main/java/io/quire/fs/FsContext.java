package io.quire.fs;

import io.quire.protocol.client.ClientProtocol;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What every binding of a {@code quire://} file system to the NameNode needs: the NameNode
 * proxy (a failing-over RetryProxy, see {@link NameNodeProxies}), the path qualification, and
 * the statistics its calls count in. Shared by {@link QuireFileSystem} and, through it,
 * {@link QuireFs}, so both bindings run the same code.
 */
record FsContext(ClientProtocol nn, QuirePaths paths, FileSystem.Statistics statistics) {
  /** Counts a read operation and returns the Quire path of {@code p}. */
  String read(Path p) {
    statistics.incrementReadOps(1);
    return paths.pathOf(p);
  }

  /** Counts a write operation and returns the Quire path of {@code p}. */
  String write(Path p) {
    statistics.incrementWriteOps(1);
    return paths.pathOf(p);
  }
}
