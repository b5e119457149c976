package io.quire.datanode.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Replicas of this DataNode by block id (at most one replica per block id). */
public final class ReplicaMap {
  private final ConcurrentHashMap<Long, Replica> replicas = new ConcurrentHashMap<>();

  public Replica get(long blockId) { return replicas.get(blockId); }

  /** Adds or replaces the replica of its block id; returns the replaced one or null. */
  public Replica put(Replica r) { return replicas.put(r.getBlockId(), r); }

  /** Removes {@code r} if it is still the replica of its block id. */
  public boolean remove(Replica r) { return replicas.remove(r.getBlockId(), r); }

  public int size() { return replicas.size(); }

  /** A snapshot of all replicas. */
  public List<Replica> all() { return new ArrayList<>(replicas.values()); }
}
