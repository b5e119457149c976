package io.quire.datanode.nnactor;

import io.quire.datanode.storage.ReplicaListener;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReportedBlock;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.service.AbstractService;

/**
 * One {@link NameNodeActor} thread per configured NameNode. Replica events from the dataset go
 * to every actor, since every NameNode (active or standby) must know every replica.
 */
public final class NameNodeActors extends AbstractService implements ReplicaListener {
  private final ActorContext ctx;
  private final List<NameNodeActor> actors = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  public NameNodeActors(ActorContext ctx) {
    super("NameNodeActors");
    this.ctx = ctx;
    for (InetSocketAddress a : ctx.options().nameNodes()) {
      actors.add(new NameNodeActor(a, ctx));
    }
  }

  @Override protected void serviceStart() throws Exception {
    for (NameNodeActor a : actors) {
      Thread t = new Thread(a, "NameNodeActor-" + a.getAddress());
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  @Override protected void serviceStop() throws Exception {
    for (NameNodeActor a : actors) {
      a.stop();
    }
    for (Thread t : threads) {
      t.interrupt();
      t.join(5000);
    }
    for (NameNodeActor a : actors) {
      DataNodeProtocol p = a.getProxy();
      if (p != null) {
        ctx.connector().close(p);
      }
    }
    ctx.commands().shutdown();
  }

  public List<NameNodeActor> getActors() { return List.copyOf(actors); }

  /** Proxies of the NameNodes connected so far (for commitBlockSynchronization). */
  public List<DataNodeProtocol> proxies() {
    List<DataNodeProtocol> out = new ArrayList<>();
    for (NameNodeActor a : actors) {
      if (a.getProxy() != null) {
        out.add(a.getProxy());
      }
    }
    return out;
  }

  public void triggerHeartbeat() {
    actors.forEach(NameNodeActor::triggerHeartbeat);
  }

  public void triggerBlockReport() {
    actors.forEach(NameNodeActor::triggerBlockReport);
  }

  @Override public void replicaReceived(ReportedBlock replica) {
    for (NameNodeActor a : actors) {
      a.replicaReceived(replica);
    }
  }

  /** Tells every NameNode that this node's replica of {@code block} is corrupt. */
  public void reportBadReplica(Block block) {
    for (NameNodeActor a : actors) {
      a.replicaCorrupt(block);
    }
  }

  @Override public void replicaDeleted(Block block) {
    for (NameNodeActor a : actors) {
      a.replicaDeleted(block);
    }
  }
}
