package io.quire.protocol.types;

import java.util.List;

/**
 * A NameNode's answer to a heartbeat or a full block report: commands for the DataNode and the
 * NameNode's HA state and epoch (which decide whether the DataNode obeys them).
 */
public record HeartbeatResponse(NameNodeHaState nameNode, List<DatanodeCommand> commands) {
  public HeartbeatResponse {
    commands = List.copyOf(commands);
  }
}
