package io.quire.datanode.scanner;

import io.quire.datanode.metrics.DataNodeMetrics;
import io.quire.datanode.storage.FsDataset;
import io.quire.datanode.storage.Replica;
import io.quire.protocol.types.ReplicaState;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-verifies every FINALIZED replica's CRC32C chunks against its meta file in the background,
 * so corruption is found without any client read (HDFS's VolumeScanner). Each replica is
 * verified once per {@code quire.datanode.scan.period.ms}, least recently verified first,
 * reading at most {@code quire.datanode.scan.bytes-per-second} ({@link ScanThrottler}).
 * Replicas being written, already known corrupt, deleted or replaced meanwhile are skipped.
 * A corrupt replica is reported to every NameNode once ({@link CorruptReplicaReporter}).
 * {@link #triggerScanNow} verifies every replica at once (still throttled).
 */
public final class BlockScanner extends ScannerService {
  private static final Logger LOG = LoggerFactory.getLogger(BlockScanner.class);
  /** Longest wait before looking for replicas finalized since the last round. */
  static final long MAX_IDLE_MS = 60_000;

  private final FsDataset dataset;
  private final long periodMs;
  private final ScanThrottler throttler;
  private final CorruptReplicaReporter reporter;
  private final DataNodeMetrics metrics;
  private final ReplicaVerifier verifier = new ReplicaVerifier();
  private final AtomicLong bytesVerified = new AtomicLong();
  private final AtomicLong blocksVerified = new AtomicLong();
  private final AtomicLong corruptFound = new AtomicLong();
  /** Replicas the round in progress (or the last one) verifies, and has verified so far. */
  private volatile long roundPlanned;
  private final AtomicLong roundDone = new AtomicLong();
  /** When each replica was last verified (scanner thread only). */
  private Map<Replica, Long> lastScanned = new IdentityHashMap<>();

  /**
   * @param periodMs how often every replica is verified; 0 means only on
   *                 {@link #triggerScanNow}
   */
  public BlockScanner(FsDataset dataset, long bytesPerSecond, long periodMs,
      CorruptReplicaReporter reporter, DataNodeMetrics metrics) {
    super("BlockScanner");
    this.dataset = dataset;
    this.periodMs = periodMs;
    this.throttler = new ScanThrottler(bytesPerSecond);
    this.reporter = reporter;
    this.metrics = metrics;
  }

  @Override boolean isPeriodic() { return periodMs > 0; }

  @Override long runRound(boolean full) throws InterruptedException {
    List<Replica> all = dataset.replicas();
    Map<Replica, Long> kept = new IdentityHashMap<>();
    for (Replica r : all) {
      Long t = lastScanned.get(r);
      if (t != null) {
        kept.put(r, t);
      }
    }
    lastScanned = kept;
    all.sort(Comparator.comparingLong(r -> lastScanned.getOrDefault(r, Long.MIN_VALUE)));
    List<Replica> planned = all.stream().filter(r -> eligible(r) && (full || isDue(r))).toList();
    roundDone.set(0);
    roundPlanned = planned.size();
    for (Replica r : planned) {
      if (eligible(r)) {
        scan(r);
        lastScanned.put(r, System.currentTimeMillis());
      }
      roundDone.incrementAndGet();
    }
    return nextDue();
  }

  private boolean isDue(Replica r) {
    Long last = lastScanned.get(r);
    return last == null || (periodMs > 0 && last + periodMs <= System.currentTimeMillis());
  }

  private long nextDue() {
    if (periodMs <= 0) {
      return Long.MAX_VALUE;
    }
    long now = System.currentTimeMillis();
    long next = now + Math.min(periodMs, MAX_IDLE_MS);
    for (long t : lastScanned.values()) {
      next = Math.min(next, t + periodMs);
    }
    return next;
  }

  /** FINALIZED means fully written (its writer may still be releasing it, harmlessly). */
  private static boolean eligible(Replica r) {
    return r.getState() == ReplicaState.FINALIZED && !r.isCorrupt();
  }

  private void scan(Replica r) throws InterruptedException {
    long gs = r.getGenerationStamp();
    VerifyResult res = verifier.verify(r, throttler::throttle);
    bytesVerified.addAndGet(res.bytesVerified());
    metrics.addBytesVerified(res.bytesVerified());
    if (!dataset.isCurrent(r) || r.getState() != ReplicaState.FINALIZED
        || r.getGenerationStamp() != gs) {
      LOG.debug("Block scanner: {} changed while verified; skipped", r);
      return;
    }
    switch (res.outcome()) {
      case OK:
        blocksVerified.incrementAndGet();
        metrics.incrBlocksVerified();
        break;
      case CORRUPT:
        if (reporter.report(r, "Block scanner", res.describe())) {
          corruptFound.incrementAndGet();
          metrics.incrCorruptFound();
        }
        break;
      default:
        LOG.info("Block scanner: {} skipped: {}", r, res.reason());
        break;
    }
  }

  /** Block bytes whose CRCs this scanner has verified. */
  public long getBytesVerified() { return bytesVerified.get(); }

  /** Replicas verified healthy. */
  public long getBlocksVerified() { return blocksVerified.get(); }

  /** Replicas the current (or last) round set out to verify. */
  public long getRoundPlanned() { return roundPlanned; }

  /** Replicas of the current (or last) round verified or skipped so far. */
  public long getRoundDone() { return Math.min(roundDone.get(), roundPlanned); }

  /** Corrupt replicas this scanner found (and reported). */
  public long getCorruptReplicasFound() { return corruptFound.get(); }
}
