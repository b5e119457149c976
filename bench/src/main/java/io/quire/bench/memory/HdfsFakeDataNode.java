package io.quire.bench.memory;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.protocol.Block;
import org.apache.hadoop.hdfs.protocol.BlockListAsLongs;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.security.token.block.ExportedBlockKeys;
import org.apache.hadoop.hdfs.server.datanode.DataStorage;
import org.apache.hadoop.hdfs.server.protocol.BlockReportContext;
import org.apache.hadoop.hdfs.server.protocol.DatanodeProtocol;
import org.apache.hadoop.hdfs.server.protocol.DatanodeRegistration;
import org.apache.hadoop.hdfs.server.protocol.DatanodeStorage;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;
import org.apache.hadoop.hdfs.server.protocol.ReceivedDeletedBlockInfo;
import org.apache.hadoop.hdfs.server.protocol.SlowDiskReports;
import org.apache.hadoop.hdfs.server.protocol.SlowPeerReports;
import org.apache.hadoop.hdfs.server.protocol.StorageBlockReport;
import org.apache.hadoop.hdfs.server.protocol.StorageReceivedDeletedBlocks;
import org.apache.hadoop.hdfs.server.protocol.StorageReport;
import org.apache.hadoop.util.VersionInfo;

/**
 * A DataNode as HDFS's NameNode sees one, without storage (after NNThroughputBenchmark's
 * TinyDatanode): registers, sends an empty full block report (lease id 0: not rate-limited),
 * heartbeats with one storage, and sends incremental reports of replicas it is told it
 * received. Its transfer port tells it apart from the other fake DataNodes on 127.0.0.1.
 */
final class HdfsFakeDataNode {
  private final DatanodeProtocol nn;
  private final String poolId;
  private final DatanodeRegistration reg;
  private final DatanodeStorage storage =
      new DatanodeStorage(DatanodeStorage.generateUuid());

  HdfsFakeDataNode(DatanodeProtocol nn, NamespaceInfo ns, int xferPort) throws IOException {
    this.nn = nn;
    this.poolId = ns.getBlockPoolID();
    DatanodeRegistration r = new DatanodeRegistration(new DatanodeID("127.0.0.1", "localhost",
        java.util.UUID.randomUUID().toString(), xferPort,
        DFSConfigKeys.DFS_DATANODE_HTTP_DEFAULT_PORT,
        DFSConfigKeys.DFS_DATANODE_HTTPS_DEFAULT_PORT, DFSConfigKeys.DFS_DATANODE_IPC_DEFAULT_PORT),
        new DataStorage(ns), new ExportedBlockKeys(), VersionInfo.getVersion());
    reg = nn.registerDatanode(r);
    reg.setNamespaceInfo(ns);
    nn.blockReport(reg, poolId, new StorageBlockReport[] {
        new StorageBlockReport(storage, BlockListAsLongs.EMPTY)},
        new BlockReportContext(1, 0, System.nanoTime(), 0L));
    heartbeat();
  }

  int xferPort() {
    return reg.getXferPort();
  }

  void heartbeat() throws IOException {
    nn.sendHeartbeat(reg, new StorageReport[] {new StorageReport(storage, false,
        NamespaceLoader.CAPACITY, 0, NamespaceLoader.CAPACITY, 0, 0)}, 0, 0, 0, 0, 0, null,
        false, SlowPeerReports.EMPTY_REPORT, SlowDiskReports.EMPTY_REPORT);
  }

  /** One incremental report: these replicas were received here. */
  void received(List<Block> blocks) throws IOException {
    ReceivedDeletedBlockInfo[] infos = blocks.stream().map(b -> new ReceivedDeletedBlockInfo(b,
        ReceivedDeletedBlockInfo.BlockStatus.RECEIVED_BLOCK, null))
        .toArray(ReceivedDeletedBlockInfo[]::new);
    nn.blockReceivedAndDeleted(reg, poolId, new StorageReceivedDeletedBlocks[] {
        new StorageReceivedDeletedBlocks(storage, infos)});
  }
}
