package io.quire.bench;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A file system started for a benchmark run: Quire's or HDFS's mini cluster. */
interface ClusterUnderTest extends Closeable {
  /** Short name printed in the results ("quire", "hdfs"). */
  String name();

  /** The directory holding the cluster's NameNode and DataNode directories, and nothing else. */
  java.io.File baseDir();

  /** A client for the cluster (a new instance, closed with the cluster). */
  FileSystem fileSystem() throws IOException;

  /** {@code hdfs dfsadmin -allowSnapshot dir} (or -disallowSnapshot), as the superuser. */
  void allowSnapshot(Path dir, boolean allow) throws IOException;

  @Override
  void close();
}
