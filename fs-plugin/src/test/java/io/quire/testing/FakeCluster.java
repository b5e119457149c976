package io.quire.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A {@link FakeNameNode} with {@code n} {@link FakeDataNode}s, and test-data helpers. */
public final class FakeCluster implements AutoCloseable {
  public final List<FakeDataNode> datanodes = new ArrayList<>();
  public final FakeNameNode namenode;

  public FakeCluster(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      datanodes.add(new FakeDataNode());
    }
    namenode = new FakeNameNode(datanodes);
  }

  public FakeDataNode dn(int i) { return datanodes.get(i); }

  public static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Override public void close() throws IOException {
    for (FakeDataNode d : datanodes) {
      d.close();
    }
  }
}
