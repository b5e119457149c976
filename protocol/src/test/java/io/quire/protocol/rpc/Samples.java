package io.quire.protocol.rpc;

import io.quire.protocol.types.Block;
import io.quire.protocol.types.DatanodeId;
import io.quire.protocol.types.DatanodeInfo;
import io.quire.protocol.types.DatanodeRegistration;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import java.util.List;

/** Sample protocol values with every field set to something distinguishable. */
final class Samples {
  private Samples() {}

  static Block block(long id) {
    return new Block(id, 1000 + id, 4096 * id);
  }

  static DatanodeId datanodeId(int n) {
    return new DatanodeId("uuid-" + n, "10.0.0." + n, 9860 + n);
  }

  static DatanodeInfo datanode(int n) {
    return new DatanodeInfo(datanodeId(n), 1L << 40, 1L << 30 + n, (1L << 40) - n, n,
        1_700_000_000_000L + n, "/rack" + n, DatanodeInfo.State.values()[n % 5]);
  }

  /** A DataNode whose optional fields (rack, state) are null. */
  static DatanodeInfo bareDatanode(int n) {
    return new DatanodeInfo(datanodeId(n), 0, 0, 0, 0, 0, null, null);
  }

  static LocatedBlock locatedBlock(long id) {
    return new LocatedBlock(block(id), id * 128L << 20,
        List.of(datanode(1), datanode(2), bareDatanode(3)), id % 2 == 0);
  }

  static InodeStatus file(String path) {
    return new InodeStatus(path, 16385, false, 12345, (short) 3, 128L << 20,
        1_700_000_000_001L, 1_700_000_000_002L, (short) 01644, "alice", "staff", 0, true,
        "etag-" + path);
  }

  static InodeStatus dir(String path) {
    return new InodeStatus(path, 16386, true, 0, (short) 0, 0, 1L, 2L, (short) 01777, null,
        null, 7, false, "");
  }

  static DatanodeRegistration registration(int n) {
    return new DatanodeRegistration(datanodeId(n), "CID-test", "0.1.0");
  }
}
