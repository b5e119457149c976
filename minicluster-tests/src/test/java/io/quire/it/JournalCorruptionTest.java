package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/**
 * A damaged journal record before the tail stops the NameNode with a clear error instead of
 * replaying past it.
 */
class JournalCorruptionTest {

  @Test
  void corruptRecordBeforeTheTailStopsTheNameNode() throws Exception {
    try (MiniQuireCluster cluster = MiniQuireCluster.builder(new Configuration())
        .numDataNodes(0).build()) {
      FileSystem fs = cluster.getFileSystem();
      for (int i = 0; i < 200; i++) {
        fs.mkdirs(new Path("/j/d" + i));
      }
      cluster.stopNameNode();
      File segment = largestSegment(cluster.getBaseDir());
      try (RandomAccessFile raf = new RandomAccessFile(segment, "rw")) {
        long off = raf.length() * 2 / 5;
        raf.seek(off);
        int b = raf.read();
        raf.seek(off);
        raf.write(b ^ 0x5a);
      }
      Exception e = assertThrows(Exception.class, cluster::startNameNode);
      assertTrue(hasCause(e, CorruptJournalException.class),
          "start fails because of the corrupt journal: " + e);
    }
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> c) {
    for (Throwable x = t; x != null; x = x.getCause()) {
      if (c.isInstance(x)) {
        return true;
      }
    }
    return false;
  }

  private static File largestSegment(File base) throws Exception {
    try (Stream<java.nio.file.Path> files = Files.walk(base.toPath())) {
      return files.filter(f -> f.getFileName().toString().startsWith("edits_"))
          .max(Comparator.comparingLong(f -> f.toFile().length()))
          .orElseThrow().toFile();
    }
  }
}
