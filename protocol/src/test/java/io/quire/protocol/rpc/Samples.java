package io.quire.protocol.rpc;

import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import java.util.List;

/** Sample protocol values with every field set to something distinguishable. */
final class Samples {
  private Samples() {}

  static Block block(long id) {
    return new Block(id, 1000 + id, 4096 * id);
  }

  static DataNodeId datanodeId(int n) {
    return new DataNodeId("uuid-" + n, "10.0.0." + n, 9860 + n);
  }

  static DataNodeInfo datanode(int n) {
    return new DataNodeInfo(datanodeId(n), 1L << 40, 1L << 30 + n, (1L << 40) - n, n,
        1_700_000_000_000L + n, "/rack" + n, DataNodeInfo.State.values()[n % 5]);
  }

  /** A DataNode whose optional fields (rack, state) are null. */
  static DataNodeInfo bareDataNode(int n) {
    return new DataNodeInfo(datanodeId(n), 0, 0, 0, 0, 0, null, null);
  }

  /** Odd ids carry a block access token, even ones none. */
  static LocatedBlock locatedBlock(long id) {
    LocatedBlock lb = new LocatedBlock(block(id), id * 128L << 20,
        List.of(datanode(1), datanode(2), bareDataNode(3)), id % 2 == 0);
    return id % 2 == 0 ? lb : lb.withToken(token(id));
  }

  static org.apache.hadoop.security.token.Token<
      io.quire.protocol.security.BlockTokenIdentifier> token(long blockId) {
    return new org.apache.hadoop.security.token.Token<>(
        new io.quire.protocol.security.BlockTokenIdentifier("alice", blockId,
            java.util.EnumSet.of(io.quire.protocol.security.BlockAccessMode.READ), 7,
            1_700_000_000_000L).getBytes(),
        new byte[] {1, 2, 3, (byte) blockId},
        io.quire.protocol.security.BlockTokenIdentifier.KIND,
        new org.apache.hadoop.io.Text());
  }

  static io.quire.protocol.security.ExportedBlockKeys keys() {
    return new io.quire.protocol.security.ExportedBlockKeys(0x01000005, List.of(
        new io.quire.protocol.security.BlockKey(0x01000005, 1_700_000_000_000L,
            new byte[] {9, 8, 7}),
        new io.quire.protocol.security.BlockKey(0x01000006, 1_700_000_600_000L,
            new byte[] {6, 5, 4})));
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

  static DataNodeRegistration registration(int n) {
    return new DataNodeRegistration(datanodeId(n), "CID-test", "0.1.0");
  }
}
