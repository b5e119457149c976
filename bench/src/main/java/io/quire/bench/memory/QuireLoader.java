package io.quire.bench.memory;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.NamespaceInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;

/** {@link NamespaceLoader} for Quire's NameNode: ClientProtocol and DataNodeProtocol. */
final class QuireLoader implements NamespaceLoader {
  private static final long BLOCK_SIZE = 128L << 20;
  private final ClientProtocol client;
  private final DataNodeProtocol dnProtocol;
  private final Map<String, QuireFakeDataNode> dataNodes = new HashMap<>();
  private final Heartbeats heartbeats;

  QuireLoader(InetSocketAddress nn, int dataNodeCount) throws IOException {
    Configuration conf = new Configuration();
    client = QuireRpc.createClientProxy(conf, nn, UserGroupInformation.getCurrentUser());
    dnProtocol = QuireRpc.createDataNodeProxy(conf, nn);
    NamespaceInfo ns = dnProtocol.versionRequest();
    List<Heartbeats.Beat> beats = new ArrayList<>();
    for (int i = 0; i < dataNodeCount; i++) {
      QuireFakeDataNode dn = new QuireFakeDataNode(dnProtocol, ns, 1 + i);
      dataNodes.put(dn.uuid(), dn);
      beats.add(dn::heartbeat);
    }
    heartbeats = new Heartbeats(beats);
  }

  @Override public void mkdirs(String dir) throws IOException {
    client.mkdirs(dir, (short) 0755, true);
  }

  @Override public void load(int thread, List<String> paths, boolean oneBlock)
      throws IOException {
    String name = "bench-loader-" + thread;
    long[] ids = new long[paths.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = client.create(paths.get(i), (short) 0644, name, false, true, (short) 3,
          BLOCK_SIZE).getFileId();
    }
    Block[] last = new Block[ids.length];
    if (oneBlock) {
      Map<String, List<Block>> received = new HashMap<>();
      for (int i = 0; i < ids.length; i++) {
        LocatedBlock lb = client.addBlock(paths.get(i), ids[i], name, null, List.of(), null);
        last[i] = lb.getBlock().withNumBytes(BLOCK_LENGTH);
        for (DataNodeInfo d : lb.getLocations()) {
          received.computeIfAbsent(d.getUuid(), u -> new ArrayList<>()).add(last[i]);
        }
      }
      for (Map.Entry<String, List<Block>> e : received.entrySet()) {
        dataNodes.get(e.getKey()).received(e.getValue());
      }
    }
    for (int i = 0; i < ids.length; i++) {
      final int f = i;
      Completion.await(paths.get(i), () -> client.complete(paths.get(f), ids[f], name, last[f]));
    }
  }

  @Override public void close() {
    heartbeats.close();
    QuireRpc.stopProxy(client);
    QuireRpc.stopProxy(dnProtocol);
  }
}
