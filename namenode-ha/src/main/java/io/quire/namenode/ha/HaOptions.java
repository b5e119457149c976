package io.quire.namenode.ha;

import static io.quire.namenode.conf.NameNodeConfigKeys.*;

import io.quire.namenode.journal.zk.ZkJournalOptions;
import io.quire.protocol.ha.Nameservice;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * The HA settings of one NameNode of a nameservice, read once. Immutable.
 *
 * @param nameservice the nameservice and its members
 * @param selfId this NameNode's id in it
 * @param zkQuorum ZooKeeper connect string
 * @param sessionTimeoutMs ZooKeeper session timeout (bounds unplanned failover)
 * @param nameserviceZnode root of this nameservice's znodes: {@code <parent-znode>/<ns>}
 * @param tailMaxWaitMs longest wait on a journal watch before a standby looks again
 * @param journalOptions the shared journal's batch size limit, retention rule and read-ahead
 */
public record HaOptions(Nameservice nameservice, String selfId, String zkQuorum,
    int sessionTimeoutMs, String nameserviceZnode, long tailMaxWaitMs,
    ZkJournalOptions journalOptions) {

  /** The HA options when {@code quire.nameservices} is set, else empty (single NameNode). */
  public static Optional<HaOptions> from(Configuration conf) {
    Optional<Nameservice> ns = Nameservice.configured(conf);
    if (ns.isEmpty()) {
      return Optional.empty();
    }
    String quorum = conf.getTrimmed(HA_ZK_QUORUM_KEY);
    if (quorum == null || quorum.isEmpty()) {
      throw new IllegalArgumentException(HA_ZK_QUORUM_KEY + " is not set: nameservice "
          + ns.get().name() + " needs a ZooKeeper ensemble");
    }
    String parent = conf.getTrimmed(HA_ZK_PARENT_ZNODE_KEY, HA_ZK_PARENT_ZNODE_DEFAULT);
    if (!parent.startsWith("/")) {
      throw new IllegalArgumentException(HA_ZK_PARENT_ZNODE_KEY + " = " + parent
          + " must be an absolute znode path");
    }
    String root = (parent.endsWith("/") ? parent : parent + "/") + ns.get().name();
    return Optional.of(new HaOptions(ns.get(), ns.get().localId(conf), quorum,
        conf.getInt(HA_ZK_SESSION_TIMEOUT_KEY, HA_ZK_SESSION_TIMEOUT_DEFAULT), root,
        conf.getLong(HA_TAIL_MAX_WAIT_KEY, HA_TAIL_MAX_WAIT_DEFAULT),
        ZkJournalOptions.defaults()
            .withMaxBatchBytes(conf.getInt(HA_JOURNAL_MAX_BATCH_BYTES_KEY,
                HA_JOURNAL_MAX_BATCH_BYTES_DEFAULT))
            .withCheckpointMaxLagTxns(conf.getLong(HA_JOURNAL_CHECKPOINT_MAX_LAG_KEY,
                HA_JOURNAL_CHECKPOINT_MAX_LAG_DEFAULT))
            .withReadAheadBatches(conf.getInt(HA_JOURNAL_READ_AHEAD_KEY,
                HA_JOURNAL_READ_AHEAD_DEFAULT))));
  }

  /** This NameNode as a member of the nameservice. */
  public Nameservice.Member self() {
    return nameservice.member(selfId);
  }
}
