package io.quire.datanode.testing;

import io.quire.datanode.storage.DataStorage;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.TestInfo;

/**
 * One DataNode storage root for tests of the storage layer: a fresh directory under target/
 * (see {@link TargetDirs}), opened once and stamped with cluster id {@value #CLUSTER_ID}, then
 * closed, so the test opens it as a DataNode would at its second start.
 */
public final class StampedStorage {
  /** The cluster id the root is stamped with. */
  public static final String CLUSTER_ID = "c";

  private StampedStorage() {}

  /** A stamped, closed storage root in the test's own fresh directory. */
  public static File root(TestInfo info) throws IOException {
    File root = TargetDirs.freshFile(info);
    try (DataStorage s = DataStorage.open(List.of(root))) {
      s.checkOrStampClusterId(CLUSTER_ID);
    }
    return root;
  }
}
