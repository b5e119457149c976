package io.quire.protocol.types;

/**
 * What a NameNode says of itself in every heartbeat and block-report answer: its HA state and
 * epoch. A DataNode obeys commands only from a NameNode that says {@link HaState#ACTIVE} with
 * the highest epoch the DataNode has seen, so a deposed active cannot command it.
 *
 * @param epoch the active's journal epoch (its writer's); for others the highest epoch read
 */
public record NameNodeHaState(HaState state, long epoch) {
  /** Whether this answer comes from an active NameNode. */
  public boolean isActive() {
    return state == HaState.ACTIVE;
  }
}
