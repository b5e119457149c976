package io.quire.fs;

import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.util.List;
import org.apache.hadoop.fs.BlockLocation;

/**
 * Turns located blocks into Hadoop BlockLocations the way HDFS does: hosts are the DataNodes'
 * host names (what MapReduce matches for locality), names are "host:port", topology paths are
 * "rack/host:port".
 */
final class BlockLocations {
  private BlockLocations() {}

  static BlockLocation[] convert(List<LocatedBlock> blocks) {
    BlockLocation[] out = new BlockLocation[blocks.size()];
    for (int i = 0; i < out.length; i++) {
      LocatedBlock lb = blocks.get(i);
      List<DataNodeInfo> locs = lb.getLocations();
      String[] hosts = new String[locs.size()];
      String[] names = new String[locs.size()];
      String[] topology = new String[locs.size()];
      for (int j = 0; j < hosts.length; j++) {
        DataNodeInfo d = locs.get(j);
        hosts[j] = d.getHost();
        names[j] = d.getDataAddress();
        String rack = d.getRack() == null || d.getRack().isEmpty() ? "/default-rack" : d.getRack();
        topology[j] = (rack.endsWith("/") ? rack : rack + "/") + names[j];
      }
      out[i] = new BlockLocation(names, hosts, topology, lb.getOffset(),
          lb.getBlock().getNumBytes(), lb.isCorrupt());
    }
    return out;
  }
}
