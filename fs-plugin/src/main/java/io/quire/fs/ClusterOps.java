package io.quire.fs;

import io.quire.client.FileChecksums;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.ServerDefaults;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.FsStatus;
import org.apache.hadoop.fs.SafeModeAction;

/** What the NameNode says about the whole cluster: defaults, capacity, DataNodes, safe mode. */
final class ClusterOps {
  private final FsContext fs;

  ClusterOps(FsContext fs) {
    this.fs = fs;
  }

  /** The NameNode's block and packet defaults; buffer size and trash interval from {@code conf}. */
  FsServerDefaults getServerDefaults(Configuration conf) throws IOException {
    ServerDefaults d = fs.nn().getServerDefaults();
    return new FsServerDefaults(d.getBlockSize(), d.getBytesPerChecksum(), d.getPacketSize(),
        d.getReplication(), conf.getInt("io.file.buffer.size", 4096), false,
        conf.getLong("fs.trash.interval", 0), FileChecksums.CRC_TYPE);
  }

  FsStatus getStatus() throws IOException {
    fs.statistics().incrementReadOps(1);
    FsStats s = fs.nn().getStats();
    return new FsStatus(s.getCapacity(), s.getUsed(), s.getRemaining());
  }

  List<DataNodeInfo> getDataNodeReport() throws IOException {
    return fs.nn().getDataNodeReport();
  }

  boolean setSafeMode(SafeModeAction action) throws IOException {
    return fs.nn().setSafeMode(io.quire.protocol.types.SafeModeAction.valueOf(action.name()));
  }
}
