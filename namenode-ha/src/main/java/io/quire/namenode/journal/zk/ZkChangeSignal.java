package io.quire.namenode.journal.zk;

import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/**
 * One watcher object per journal for {@link ZkJournal#awaitRecord}: every event bumps a
 * generation and wakes the waiters, who then look again. Being one object, it is registered at
 * most once per znode however often a reader waits on the same batch name.
 */
final class ZkChangeSignal implements Watcher {
  private long generation;

  @Override
  public synchronized void process(WatchedEvent event) {
    generation++;
    notifyAll();
  }

  synchronized long generation() {
    return generation;
  }

  /** Waits until the generation is past {@code seen} or the deadline passes; true if it moved. */
  synchronized boolean awaitChange(long seen, long deadlineNanos) throws InterruptedException {
    while (generation == seen) {
      long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
      if (leftMs <= 0) {
        return false;
      }
      wait(leftMs);
    }
    return true;
  }
}
