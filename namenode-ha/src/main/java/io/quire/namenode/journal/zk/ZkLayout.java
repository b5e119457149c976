package io.quire.namenode.journal.zk;

import io.quire.protocol.exceptions.CorruptJournalException;
import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.common.PathUtils;

/**
 * The znode paths of one nameservice's journal under its root (layout: {@link ZkJournal}).
 *
 * <p>Batches are bucketed by txid: the batch whose first txid is {@code f} is
 * {@code batches/<bucketOf(f)>/<f>}, both numbers zero-padded to 19 digits so names sort in
 * txid order. A batch never spans two buckets (the writer splits it), so the batch holding
 * txid {@code n} is in {@code bucketOf(n)}, and the batch after one ending at {@code n} is
 * exactly {@link #batch}{@code (n + 1)}.
 */
final class ZkLayout {
  /**
   * Txids per bucket. A bucket holds at most this many batches (one record each, at worst),
   * so its getChildren answer is at most 10,000 x (19 + 4) bytes, about 230 KB, below
   * ZooKeeper's 1 MiB jute.maxbuffer; a window of 2 million records is 200 buckets, and the
   * list of buckets itself stays below the limit up to about 45,000 buckets (450 million
   * retained txids, far beyond what the checkpoint registry's purge rule lets accumulate).
   */
  static final long BUCKET_TXIDS = 10_000;

  private final String root;
  /** {@link #batches()}, built once: every batch path starts with it. */
  private final String batches;

  ZkLayout(String root) {
    PathUtils.validatePath(root);
    if (root.equals("/")) {
      throw new IllegalArgumentException("The journal root must be below /, e.g. /quire/<ns>");
    }
    this.root = root;
    this.batches = root + "/journal/batches";
  }

  String root() {
    return root;
  }

  String journal() {
    return root + "/journal";
  }

  String epoch() {
    return journal() + "/epoch";
  }

  String batches() {
    return batches;
  }

  String checkpoints() {
    return journal() + "/checkpoints";
  }

  String checkpoint(String nnId) {
    if (nnId.isEmpty() || nnId.contains("/")) {
      throw new IllegalArgumentException("Bad NameNode id '" + nnId + "' for a checkpoint znode");
    }
    return checkpoints() + "/" + nnId;
  }

  /** First txid of the bucket of {@code txId} (bucket 0 holds txids 1 to 9,999). */
  static long bucketOf(long txId) {
    return txId - txId % BUCKET_TXIDS;
  }

  String bucket(long bucketStart) {
    return batches + "/" + name(bucketStart);
  }

  /** The batch znode whose first record has txid {@code firstTxId}. */
  String batch(long firstTxId) {
    return batches + "/" + name(bucketOf(firstTxId)) + "/" + name(firstTxId);
  }

  /**
   * {@code n} zero-padded to 19 digits, as {@code String.format("%019d", n)}; called twice for
   * every batch read, so without a Formatter.
   */
  static String name(long n) {
    if (n < 0) {
      return String.format("%019d", n);
    }
    byte[] digits = new byte[19];
    for (int i = 18; i >= 0; i--) {
      digits[i] = (byte) ('0' + n % 10);
      n /= 10;
    }
    return new String(digits, StandardCharsets.US_ASCII);
  }

  /** The number a bucket or batch znode is named by. */
  static long parse(String parent, String name) throws CorruptJournalException {
    if (name.length() != 19 || !name.chars().allMatch(Character::isDigit)) {
      throw new CorruptJournalException("Unexpected znode " + parent + "/" + name
          + " in the journal: batch and bucket names are 19-digit txids");
    }
    return Long.parseLong(name);
  }
}
