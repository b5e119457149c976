package io.quire.namenode.rpc;

import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.namesystem.Namesystem.SyncPoint;
import io.quire.namenode.records.AtMostOnceOp;
import io.quire.namenode.records.CallAnswer;
import io.quire.namenode.records.EditRecord.RpcCall;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.InvalidRequestException;
import org.apache.hadoop.ipc.ClientId;
import org.apache.hadoop.ipc.RetryCache;
import org.apache.hadoop.ipc.RetryCache.CacheEntryWithPayload;
import org.apache.hadoop.ipc.Server;

/**
 * The at-most-once guard of {@code @AtMostOnce} calls, as HDFS's NameNodeRpcServer uses
 * {@link RetryCache}: the IPC client id and call id of the current call name an entry; a repeat
 * of a call that succeeded gets the first answer (a payload for calls that return one) without
 * running again; a repeat of a call still running waits for it; a failed call runs again.
 * Outside an IPC call (in-process use) nothing is cached. Every entry (made here, or from a
 * journal record of version 3 or later) names its operation: a call that reuses the ids of a call
 * of another operation is no repeat of it and is refused with an {@link InvalidRequestException}
 * (before, it got the other call's answer: a ClassCastException, or a success without running).
 *
 * <p>Across failover and restart: the journal carries an {@link RpcCall} record after the
 * records of each such call ({@link AtMostOnceRecords}); replaying it puts an entry here
 * ({@link #addReplayed}), so a repeat that reaches another NameNode after a failover is
 * answered from the namespace instead of running twice.
 *
 * <p>Durability: a call's entry turns successful when its handler returns, which may be before
 * its records are durable (the answer itself is held until they are: {@link
 * Namesystem#mutate}). Its payload keeps the call's {@link SyncPoint}, and a repeat answers
 * only after that sync ({@link Namesystem#answerAfter}): held the same way, or waited for, and
 * failed as the first call is when the sync fails. Entries from the journal are durable.
 */
public final class RetryCacheSupport {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** An operation to guard. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws IOException;
  }

  /** Rebuilds the answer of a call that another NameNode (or this one before a restart) ran. */
  @FunctionalInterface
  public interface Rebuild<T> {
    T answer(ReplayedAnswer replayed) throws IOException;
  }

  /**
   * The payload of an entry added from the journal: what kind of answer the call had and the
   * inode it concerned; the handler rebuilds the answer from the namespace when a repeat comes.
   */
  public record ReplayedAnswer(AtMostOnceOp op, CallAnswer kind, long inodeId) {}

  /**
   * The payload of an entry made here: the operation, its answer (null for none) and where its
   * records end (null: nothing to wait for).
   */
  private record Answered(AtMostOnceOp op, Object answer, SyncPoint durableAt) {}

  private final RetryCache cache;
  private volatile Namesystem ns;

  public RetryCacheSupport(float heapPercent, long expiryMs) {
    this.cache = new RetryCache("NameNodeRetryCache-" + INSTANCES.incrementAndGet(),
        heapPercent, TimeUnit.MILLISECONDS.toNanos(expiryMs));
  }

  public RetryCache getCache() { return cache; }

  /** The namesystem whose mutations the guarded calls run (their sync points). */
  void guard(Namesystem namesystem) {
    this.ns = namesystem;
  }

  /** The sync point of the mutation the current thread just ran (taken), or null. */
  private SyncPoint takeSyncPoint() {
    Namesystem n = ns;
    return n == null ? null : n.takeSyncPoint();
  }

  /** A repeat of a call that succeeded here answers once the first call's records are durable. */
  private void answerAfter(Answered first) throws IOException {
    Namesystem n = ns;
    if (n != null) {
      n.answerAfter(first.durableAt());
    }
  }

  /**
   * Puts the entry of a call read from the journal (a standby tailing it, or a restart's
   * replay): a repeat of that call is answered without running it again.
   */
  public void addReplayed(RpcCall call) {
    // every entry has a payload: Hadoop's RetryCache cannot look up a payload entry where
    // there is a plain one
    cache.addCacheEntryWithPayload(call.clientId(), call.callId(),
        new ReplayedAnswer(call.op(), call.answer(), call.inodeId()));
  }

  /**
   * Runs call {@code op} whose answer is replayed to repeats; a repeat of a call known only
   * from the journal gets {@code rebuild}'s answer.
   *
   * @throws InvalidRequestException when the call's ids belong to a call of another operation
   */
  @SuppressWarnings("unchecked")
  public <T> T withPayload(AtMostOnceOp op, Rebuild<T> rebuild, Call<T> call)
      throws IOException {
    CacheEntryWithPayload e = RetryCache.waitForCompletion(cache, null, Server.getClientId(),
        Server.getCallId());
    if (e != null && e.isSuccess()) {
      Object payload = e.getPayload();
      return payload instanceof ReplayedAnswer r ? rebuild.answer(checkReplayed(op, r))
          : (T) answerOf(op, payload);
    }
    boolean ok = false;
    T result = null;
    SyncPoint durableAt = null;
    takeSyncPoint();
    try {
      result = call.run();
      durableAt = takeSyncPoint();
      ok = true;
      return result;
    } finally {
      RetryCache.setState(e, ok, new Answered(op, result, durableAt));
    }
  }

  /**
   * Runs call {@code op} without an answer; a repeat of a success returns at once.
   *
   * @throws InvalidRequestException when the call's ids belong to a call of another operation
   */
  public void withoutPayload(AtMostOnceOp op, Call<Void> call) throws IOException {
    CacheEntryWithPayload e = RetryCache.waitForCompletion(cache, null, Server.getClientId(),
        Server.getCallId());
    if (e != null && e.isSuccess()) {
      if (e.getPayload() instanceof ReplayedAnswer r) {
        checkReplayed(op, r);
      } else {
        answerOf(op, e.getPayload());
      }
      return;
    }
    boolean ok = false;
    SyncPoint durableAt = null;
    takeSyncPoint();
    try {
      call.run();
      durableAt = takeSyncPoint();
      ok = true;
    } finally {
      RetryCache.setState(e, ok, new Answered(op, null, durableAt));
    }
  }

  /**
   * The answer of the earlier call with this call's ids, if it was an {@code op} too; it
   * leaves once that call's records are durable.
   */
  private Object answerOf(AtMostOnceOp op, Object payload) throws IOException {
    Answered a = (Answered) payload;
    checkSameOp(op, a.op());
    answerAfter(a);
    return a.answer();
  }

  /**
   * {@code r}, if the journaled call was an {@code op} too (a record of version 2 or older does
   * not say: taken as a repeat, as before).
   */
  private static ReplayedAnswer checkReplayed(AtMostOnceOp op, ReplayedAnswer r)
      throws InvalidRequestException {
    if (r.op() != AtMostOnceOp.UNRECORDED) {
      checkSameOp(op, r.op());
    }
    return r;
  }

  private static void checkSameOp(AtMostOnceOp op, AtMostOnceOp earlier)
      throws InvalidRequestException {
    if (earlier != op) {
      throw new InvalidRequestException(op.method() + ": call id " + Server.getCallId()
          + " of client " + ClientId.toString(Server.getClientId()) + " was already used by a "
          + earlier.method() + " call; a retry repeats the same call, a new call needs a new"
          + " call id");
    }
  }
}
