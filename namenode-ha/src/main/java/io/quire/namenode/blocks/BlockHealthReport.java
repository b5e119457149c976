package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.datanodes.DataNodeManager;
import io.quire.protocol.types.BlockHealth;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.FileBlockHealth;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the fsck view of a file ({@link FileBlockHealth}): for each block its live good,
 * corrupt and decommissioning replicas (dead nodes left out) and a status, as
 * {@link BlockHealth.Status} defines it. Runs under the namesystem read lock.
 */
public final class BlockHealthReport {
  private BlockHealthReport() {}

  public static FileBlockHealth of(BlockManager blocks, BlockCollection f, String path) {
    DataNodeManager dns = blocks.getDataNodes();
    List<BlockHealth> out = new ArrayList<>(f.getBlocks().size());
    long offset = 0;
    for (BlockInfo b : f.getBlocks()) {
      List<DataNodeInfo> live = new ArrayList<>();
      List<DataNodeInfo> corrupt = new ArrayList<>();
      List<DataNodeInfo> decommissioning = new ArrayList<>();
      for (Replica r : BlockLocations.of(b)) {
        DataNodeDescriptor n = r.getNode();
        if (!dns.isLive(n)) {
          continue;
        }
        DataNodeInfo info = n.toInfo(dns.stateOf(n));
        if (r.isCorrupt()) {
          corrupt.add(info);
        } else if (r.isGoodFor(b)) {
          (n.isDecommissioningOrDecommissioned() ? decommissioning : live).add(info);
        }
      }
      int expected = f.getReplication();
      BlockHealth.Status status = live.isEmpty() && decommissioning.isEmpty()
          ? (corrupt.isEmpty() ? BlockHealth.Status.MISSING : BlockHealth.Status.CORRUPT)
          : live.size() < expected ? BlockHealth.Status.UNDER_REPLICATED
          : BlockHealth.Status.HEALTHY;
      out.add(new BlockHealth(b.toBlock(), offset, expected, live, corrupt, decommissioning,
          status));
      offset += b.getNumBytes();
    }
    return new FileBlockHealth(path, f.computeLength(), f.getReplication(),
        f.isUnderConstruction(), out);
  }
}
