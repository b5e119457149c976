package io.quire.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A {@link FakeNameNode} with {@code n} {@link FakeDataNode}s. */
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

  @Override public void close() throws IOException {
    for (FakeDataNode d : datanodes) {
      d.close();
    }
  }
}
