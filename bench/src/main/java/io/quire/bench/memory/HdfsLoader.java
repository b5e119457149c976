package io.quire.bench.memory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.crypto.CryptoProtocolVersion;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.NameNodeProxiesClient;
import org.apache.hadoop.hdfs.protocol.Block;
import org.apache.hadoop.hdfs.protocol.ClientProtocol;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.protocolPB.DatanodeProtocolClientSideTranslatorPB;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;
import org.apache.hadoop.io.EnumSetWritable;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.security.UserGroupInformation;

/** {@link NamespaceLoader} for HDFS's NameNode: ClientProtocol and DatanodeProtocol. */
final class HdfsLoader implements NamespaceLoader {
  private static final long BLOCK_SIZE = 128L << 20;
  private final ClientProtocol client;
  private final DatanodeProtocolClientSideTranslatorPB dnProtocol;
  private final Map<Integer, HdfsFakeDataNode> dataNodes = new HashMap<>();
  private final Heartbeats heartbeats;

  HdfsLoader(InetSocketAddress nn, int dataNodeCount) throws IOException {
    Configuration conf = new HdfsConfiguration();
    client = NameNodeProxiesClient.createNonHAProxyWithClientProtocol(nn, conf,
        UserGroupInformation.getCurrentUser(), false, null);
    dnProtocol = new DatanodeProtocolClientSideTranslatorPB(nn, conf);
    NamespaceInfo ns = dnProtocol.versionRequest();
    List<Heartbeats.Beat> beats = new ArrayList<>();
    for (int i = 0; i < dataNodeCount; i++) {
      HdfsFakeDataNode dn = new HdfsFakeDataNode(dnProtocol, ns, 1 + i);
      dataNodes.put(dn.xferPort(), dn);
      beats.add(dn::heartbeat);
    }
    heartbeats = new Heartbeats(beats);
  }

  @Override public void mkdirs(String dir) throws IOException {
    client.mkdirs(dir, new FsPermission((short) 0755), true);
  }

  @Override public void load(int thread, List<String> paths, boolean oneBlock)
      throws IOException {
    String name = "bench-loader-" + thread;
    long[] ids = new long[paths.size()];
    EnumSetWritable<CreateFlag> flags = new EnumSetWritable<>(EnumSet.of(CreateFlag.CREATE));
    for (int i = 0; i < ids.length; i++) {
      ids[i] = client.create(paths.get(i), new FsPermission((short) 0644), name, flags, true,
          (short) 3, BLOCK_SIZE, CryptoProtocolVersion.supported(), null, null).getFileId();
    }
    ExtendedBlock[] last = new ExtendedBlock[ids.length];
    if (oneBlock) {
      Map<Integer, List<Block>> received = new HashMap<>();
      for (int i = 0; i < ids.length; i++) {
        LocatedBlock lb = client.addBlock(paths.get(i), name, null, null, ids[i], null, null);
        last[i] = lb.getBlock();
        last[i].setNumBytes(BLOCK_LENGTH);
        for (DatanodeInfo d : lb.getLocations()) {
          received.computeIfAbsent(d.getXferPort(), p -> new ArrayList<>())
              .add(new Block(last[i].getLocalBlock()));
        }
      }
      for (Map.Entry<Integer, List<Block>> e : received.entrySet()) {
        dataNodes.get(e.getKey()).received(e.getValue());
      }
    }
    for (int i = 0; i < ids.length; i++) {
      final int f = i;
      Completion.await(paths.get(i), () -> client.complete(paths.get(f), name, last[f], ids[f]));
    }
  }

  @Override public void close() throws IOException {
    heartbeats.close();
    RPC.stopProxy(client);
    dnProtocol.close();
  }
}
