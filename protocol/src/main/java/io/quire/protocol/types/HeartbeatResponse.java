package io.quire.protocol.types;

import io.quire.protocol.security.ExportedBlockKeys;
import java.util.List;

/**
 * A NameNode's answer to a heartbeat or a full block report: commands for the DataNode, the
 * NameNode's HA state and epoch (which decide whether the DataNode obeys them), and the
 * NameNode's block keys ({@link ExportedBlockKeys#NONE} when block access tokens are off).
 * Every NameNode, active or standby, sends its keys in every answer: a few hundred bytes, and a
 * lost answer costs nothing.
 */
public record HeartbeatResponse(NameNodeHaState nameNode, List<DataNodeCommand> commands,
    ExportedBlockKeys keys) {
  public HeartbeatResponse {
    commands = List.copyOf(commands);
    keys = keys == null ? ExportedBlockKeys.NONE : keys;
  }

  /** An answer without block keys. */
  public HeartbeatResponse(NameNodeHaState nameNode, List<DataNodeCommand> commands) {
    this(nameNode, commands, ExportedBlockKeys.NONE);
  }
}
