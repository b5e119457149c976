package io.quire.client;

import io.quire.protocol.exceptions.ChecksumMismatchException;
import io.quire.protocol.security.InvalidBlockTokenException;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the replica to read a block from (closest first, as the NameNode ordered them),
 * remembers the replicas that failed for this stream, and reports corrupt ones to the NameNode
 * with reportBadBlocks. Thread-safe: positioned reads share it.
 */
final class ReplicaFailover {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaFailover.class);

  private final ReadTarget target;
  private final Map<Long, Set<String>> deadByBlock = new ConcurrentHashMap<>();

  ReplicaFailover(ReadTarget target) {
    this.target = target;
  }

  /**
   * Opens a reader of [offsetInBlock, offsetInBlock+length) on the first replica not yet
   * failed; each failure marks that replica.
   *
   * @throws NoLiveReplicaException when every replica of the block has failed
   * @throws InvalidBlockTokenException when a replica refuses the block's token (expired, or
   *     signed with a key the DataNode no longer holds): fetch the locations again
   */
  BlockReader open(LocatedBlock lb, long offsetInBlock, long length) throws IOException {
    return open(lb, offsetInBlock, length, false);
  }

  /**
   * As {@link #open(LocatedBlock, long, long)}; with {@code tokenJustFetched} a refused token
   * counts as that replica's failure (its DataNode lacks the key) and the next one is tried.
   */
  BlockReader open(LocatedBlock lb, long offsetInBlock, long length, boolean tokenJustFetched)
      throws IOException {
    IOException last = null;
    for (DataNodeInfo node : lb.getLocations()) {
      if (isDead(lb, node)) {
        continue;
      }
      try {
        return BlockReader.open(lb.getBlock(), lb.getToken(), node, offsetInBlock, length,
            target.clientName(), target.verifyChecksum(), target.options());
      } catch (InvalidBlockTokenException e) {
        if (!tokenJustFetched) {
          throw e; // most likely an expired token: the caller fetches fresh ones
        }
        failed(lb, node, e);
        last = e;
      } catch (IOException e) {
        failed(lb, node, e);
        last = e;
      }
    }
    throw new NoLiveReplicaException("read " + target.path() + ": no live replica of "
        + lb.getBlock() + " at file offset " + (lb.getOffset() + offsetInBlock) + " (tried "
        + lb.getLocations() + ")" + (last == null ? "" : ": " + last.getMessage()), last);
  }

  /** A read from {@code node} failed: mark it, and report it when its data was corrupt. */
  void failed(LocatedBlock lb, DataNodeInfo node, IOException e) {
    deadByBlock.computeIfAbsent(lb.getBlock().getBlockId(), k -> ConcurrentHashMap.newKeySet())
        .add(node.getUuid());
    if (e instanceof ChecksumMismatchException) {
      LOG.warn("read {}: corrupt replica of {} on {}, reporting it: {}", target.path(),
          lb.getBlock(), node.getDataAddress(), e.getMessage());
      try {
        target.namenode().reportBadBlocks(List.of(
            new LocatedBlock(lb.getBlock(), lb.getOffset(), List.of(node), false)));
      } catch (IOException re) {
        LOG.warn("reportBadBlocks {} on {} failed: {}", lb.getBlock(), node.getDataAddress(),
            re.toString());
      }
    } else {
      LOG.info("read {}: replica of {} on {} failed, trying another: {}", target.path(),
          lb.getBlock(), node.getDataAddress(), e.toString());
    }
  }

  /** Forgets failures (after fresh locations were fetched). */
  void reset() {
    deadByBlock.clear();
  }

  private boolean isDead(LocatedBlock lb, DataNodeInfo node) {
    Set<String> dead = deadByBlock.get(lb.getBlock().getBlockId());
    return dead != null && dead.contains(node.getUuid());
  }

  /** Every replica of a block failed for this stream. */
  static final class NoLiveReplicaException extends IOException {
    private static final long serialVersionUID = 1L;

    NoLiveReplicaException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
