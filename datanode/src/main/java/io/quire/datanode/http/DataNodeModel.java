package io.quire.datanode.http;

import io.quire.datanode.scanner.BlockScanner;
import io.quire.datanode.storage.FsDataset;
import io.quire.datanode.storage.Replica;
import io.quire.datanode.storage.StorageDirectory;
import io.quire.protocol.types.ReplicaState;
import io.quire.web.JsonModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code datanode}: the DataNode page's data. JSON:
 *
 * <pre>
 * {"uuid", "dataAddress", "clusterId",
 *  "volumes": [{"dir", "state" ("healthy" or "failed"), "capacity", "remaining", "replicas",
 *               "replicaBytes"}],
 *  "replicas": {"total": n, "corrupt": n, "byState": {"FINALIZED": n, "RBW": n, ...}},
 *  "scanner": {"roundsCompleted", "roundPlanned", "roundDone", "blocksVerified",
 *              "bytesVerified", "corruptFound"},
 *  "transfers": {"active": n, "maxThreads": n, "bufferBytesInUse": n, "bufferBudget": n}}
 * </pre>
 *
 * Volume capacity and remaining are the file system's (as the heartbeat reports them).
 */
final class DataNodeModel implements JsonModel {
  record Volume(String dir, String state, long capacity, long remaining, long replicas,
      long replicaBytes) { }

  record Replicas(long total, long corrupt, Map<ReplicaState, Long> byState) { }

  record Scanner(long roundsCompleted, long roundPlanned, long roundDone, long blocksVerified,
      long bytesVerified, long corruptFound) { }

  record Transfers(int active, int maxThreads, long bufferBytesInUse, long bufferBudget) { }

  record Page(String uuid, String dataAddress, String clusterId, List<Volume> volumes,
      Replicas replicas, Scanner scanner, Transfers transfers) { }

  private final DataNodeView dn;

  DataNodeModel(DataNodeView dn) {
    this.dn = dn;
  }

  @Override public Page build(Map<String, String> params) {
    FsDataset ds = dn.dataset();
    Map<StorageDirectory, long[]> perVolume = new IdentityHashMap<>();
    Map<ReplicaState, Long> byState = new EnumMap<>(ReplicaState.class);
    long corrupt = 0;
    List<Replica> all = ds.replicas();
    for (Replica r : all) {
      byState.merge(r.getState(), 1L, Long::sum);
      corrupt += r.isCorrupt() ? 1 : 0;
      long[] v = perVolume.computeIfAbsent(r.getDir(), d -> new long[2]);
      v[0]++;
      v[1] += r.getBytesOnDisk();
    }
    List<Volume> volumes = new ArrayList<>();
    for (StorageDirectory sd : ds.getStorage().getDirs()) {
      long[] v = perVolume.getOrDefault(sd, new long[2]);
      volumes.add(new Volume(sd.getRoot().getAbsolutePath(),
          ds.getVolumeHealth().isFailed(sd) ? "failed" : "healthy", sd.getCapacity(),
          sd.getRemaining(), v[0], v[1]));
    }
    BlockScanner s = dn.blockScanner();
    // the web UI is up before the data port is bound
    String dataAddress = dn.dataAddressOrNull();
    return new Page(dn.uuid(), dataAddress == null ? "(starting)" : dataAddress,
        ds.getStorage().getClusterId(), volumes, new Replicas(all.size(), corrupt, byState),
        new Scanner(s.getRoundsCompleted(), s.getRoundPlanned(), s.getRoundDone(),
            s.getBlocksVerified(), s.getBytesVerified(), s.getCorruptReplicasFound()),
        new Transfers(dn.activeTransfers(), dn.maxTransferThreads(),
            dn.transferBufferBytesInUse(), dn.transferBufferBudget()));
  }
}
