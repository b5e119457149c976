package io.quire.namenode.journal.zk;

import io.quire.namenode.journal.Journal;
import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints the NameNodes of a nameservice have published, and the purge rule of the
 * shared journal that follows from them.
 *
 * <p>Znode {@code journal/checkpoints/<nnId>}, version {@value #VERSION}: {@code int version |
 * long txId} (big-endian): the txid of that NameNode's latest durable checkpoint. Each NameNode
 * publishes its own after saving (or loading) one.
 *
 * <p>Purge rule ({@link #retainFrom}): a NameNode with a checkpoint at txid {@code c} needs
 * the records from {@code c + 1} on, so the journal keeps every batch holding a txid above the
 * lowest published checkpoint, and deletes the batches below it. Exception: a checkpoint more
 * than {@link ZkJournalOptions#checkpointMaxLagTxns} behind the newest published one (a
 * NameNode long dead) does not hold the window, so it cannot make ZooKeeper grow without
 * bound; when that NameNode returns, its reads fail with
 * {@link io.quire.namenode.journal.TxIdNotRetainedException} and it must bootstrap from
 * another NameNode's checkpoint. With nothing published, nothing is purged.
 */
public final class ZkCheckpointRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ZkCheckpointRegistry.class);
  static final int VERSION = 1;

  private final CuratorFramework client;
  private final ZkLayout layout;
  private final long maxLagTxns;

  /** The registry of the journal at {@code root}; {@code client} stays the caller's. */
  public ZkCheckpointRegistry(CuratorFramework client, String root, ZkJournalOptions options) {
    this.client = client;
    this.layout = new ZkLayout(root);
    this.maxLagTxns = options.checkpointMaxLagTxns();
  }

  /** When this returns, {@code txId} is {@code nnId}'s published checkpoint in ZooKeeper. */
  public void publishCheckpoint(String nnId, long txId) throws IOException {
    String path = layout.checkpoint(nnId);
    byte[] data = ByteBuffer.allocate(12).putInt(VERSION).putLong(txId).array();
    try {
      client.create().orSetData().forPath(path, data);
    } catch (KeeperException.NoNodeException e) {
      throw new IOException("Cannot publish the checkpoint of " + nnId + ": ZooKeeper journal "
          + layout.root() + " is not formatted (no " + layout.checkpoints() + ")", e);
    } catch (Exception e) {
      throw ZkCalls.io("publish checkpoint txid " + txId, path, e);
    }
  }

  /** Every published checkpoint txid, by NameNode id. */
  public Map<String, Long> publishedCheckpoints() throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try {
      for (String nnId : client.getChildren().forPath(layout.checkpoints())) {
        String path = layout.checkpoint(nnId);
        byte[] data = ZkCalls.getDataOrNull(client, path, null);
        if (data != null) {
          out.put(nnId, decode(path, data));
        }
      }
    } catch (Exception e) {
      throw ZkCalls.io("list checkpoints", layout.checkpoints(), e);
    }
    return out;
  }

  /** The lowest txid the journal must keep now (see the class comment); 1 keeps everything. */
  public long retainFrom() throws IOException {
    return retainFrom(publishedCheckpoints().values(), maxLagTxns);
  }

  /** The purge rule on its own: keep from the lowest checkpoint within the lag, plus one. */
  static long retainFrom(Collection<Long> checkpoints, long maxLagTxns) {
    if (checkpoints.isEmpty()) {
      return 1;
    }
    long newest = checkpoints.stream().mapToLong(Long::longValue).max().getAsLong();
    long lowest = checkpoints.stream().mapToLong(Long::longValue)
        .filter(c -> c >= newest - maxLagTxns).min().getAsLong();
    return lowest + 1;
  }

  /**
   * Purges {@code journal} below {@link #retainFrom()} and returns that txid. NameNodes whose
   * checkpoints no longer hold the window are logged: they will need a bootstrap.
   */
  public long purge(Journal journal) throws IOException {
    Map<String, Long> published = publishedCheckpoints();
    long from = retainFrom(published.values(), maxLagTxns);
    published.forEach((nnId, txId) -> {
      if (txId + 1 < from) {
        LOG.warn("NameNode {} published checkpoint txid {}, more than {} transactions behind the"
            + " newest; the journal purges below txid {} regardless, so {} must bootstrap from"
            + " another NameNode's checkpoint", nnId, txId, maxLagTxns, from, nnId);
      }
    });
    journal.purgeBefore(from);
    return from;
  }

  private static long decode(String path, byte[] data) throws IOException {
    if (data.length != 12) {
      throw new CorruptJournalException("Checkpoint znode " + path + " holds " + data.length
          + " bytes; expected 12");
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    int version = b.getInt();
    if (version != VERSION) {
      throw new IncompatibleStorageException("Checkpoint znode " + path + " has format version "
          + version + "; this NameNode reads only version " + VERSION);
    }
    return b.getLong();
  }
}
