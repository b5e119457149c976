package io.quire.datanode.scanner;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.service.AbstractService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background thread that runs scan rounds: periodic ones when their deadline comes, full ones
 * on {@link #triggerScanNow}. A round that fails with an unexpected error is logged and the
 * thread carries on with the next one.
 */
abstract class ScannerService extends AbstractService {
  private static final Logger LOG = LoggerFactory.getLogger(ScannerService.class);

  private final ScanRounds rounds = new ScanRounds();
  private final AtomicLong roundsCompleted = new AtomicLong();
  private Thread thread;

  ScannerService(String name) {
    super(name);
  }

  /**
   * Runs one round; {@code full} asks to cover everything regardless of the schedule.
   * Returns the wall-clock time the next periodic round is due (Long.MAX_VALUE: none).
   */
  abstract long runRound(boolean full) throws InterruptedException;

  /** Whether periodic rounds run at all (the first one right at start); else only triggered. */
  abstract boolean isPeriodic();

  @Override protected void serviceStart() throws Exception {
    thread = new Thread(this::loop, getName() + "-thread");
    thread.setDaemon(true);
    thread.start();
  }

  @Override protected void serviceStop() throws Exception {
    rounds.stop();
    if (thread != null) {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  private void loop() {
    long nextDue = isPeriodic() ? System.currentTimeMillis() : Long.MAX_VALUE;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        long ticket = rounds.awaitNextRound(nextDue);
        if (isInState(STATE.STOPPED)) {
          return;
        }
        boolean full = ticket > rounds.completed();
        try {
          nextDue = runRound(full);
        } catch (RuntimeException e) {
          LOG.error("{} round failed; next round continues", getName(), e);
          nextDue = System.currentTimeMillis() + 1000;
        }
        roundsCompleted.incrementAndGet();
        rounds.complete(ticket);
      }
    } catch (InterruptedException e) {
      LOG.debug("{} stopped", getName());
    }
  }

  /**
   * Asks for a full round now (every replica, regardless of when it was last scanned) and
   * returns its ticket for {@link #awaitScan}. A round already running finishes first.
   */
  public long triggerScanNow() {
    return rounds.trigger();
  }

  /** Waits up to {@code timeoutMs} until the round of {@code ticket} finished. */
  public boolean awaitScan(long ticket, long timeoutMs) throws InterruptedException {
    return rounds.awaitCompleted(ticket, timeoutMs);
  }

  /** Rounds finished so far (periodic and triggered). */
  public long getRoundsCompleted() { return roundsCompleted.get(); }
}
