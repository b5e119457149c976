package io.quire.namenode.http;

import io.quire.namenode.image.CheckpointStore;
import io.quire.namenode.namesystem.Checkpointer;
import io.quire.namenode.namesystem.HaGate;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.rpc.NameNodeRpcServer;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * What the servlets and web UI models read of the NameNode, looked up per request: the
 * NameNode replaces its services when it reloads, while the HTTP server keeps running. The
 * supplier gives null while it reloads.
 */
public interface NameNodeState {
  CheckpointStore checkpoints();

  String clusterId();

  HaGate gate();

  Namesystem namesystem();

  Checkpointer checkpointer();

  NameNodeRpcServer rpc();

  /** The current state, or an IOException a page shows ("reloading"). */
  static NameNodeState require(Supplier<NameNodeState> s) throws IOException {
    NameNodeState st = s.get();
    if (st == null) {
      throw new IOException("the NameNode is reloading its namespace; try again shortly");
    }
    return st;
  }
}
