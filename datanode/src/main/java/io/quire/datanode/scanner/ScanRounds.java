package io.quire.datanode.scanner;

/**
 * Trigger tickets of a scanner: {@link #trigger} asks for a full round and returns a ticket;
 * the round that starts after it covers it, and {@link #awaitCompleted} waits for that. The
 * scanner thread waits in {@link #awaitNextRound} until its next periodic deadline or a trigger.
 */
final class ScanRounds {
  private long requested;
  private long completed;
  private boolean stopped;

  synchronized long trigger() {
    requested++;
    notifyAll();
    return requested;
  }

  /**
   * Waits until {@code deadlineMs} (wall clock) or a trigger; returns the ticket the round about
   * to start covers, which is greater than {@link #completed()} for a triggered (full) round.
   */
  synchronized long awaitNextRound(long deadlineMs) throws InterruptedException {
    while (!stopped && requested == completed) {
      long left = deadlineMs - System.currentTimeMillis();
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    return requested;
  }

  synchronized long completed() { return completed; }

  synchronized void complete(long ticket) {
    completed = Math.max(completed, ticket);
    notifyAll();
  }

  /** Waits up to {@code timeoutMs} until the round covering {@code ticket} finished. */
  synchronized boolean awaitCompleted(long ticket, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (completed < ticket && !stopped) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return completed >= ticket;
  }

  synchronized void stop() {
    stopped = true;
    notifyAll();
  }
}
