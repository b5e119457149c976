package io.quire.fs;

import io.quire.protocol.ha.StandbyHint;
import org.apache.hadoop.io.retry.RetryPolicy;
import org.apache.hadoop.ipc.StandbyException;
import org.apache.hadoop.ipc.RemoteException;

/**
 * Lets Hadoop's retry policies tell a NameNode's answer from a network failure.
 *
 * <p>The Quire translators (io.quire.protocol.rpc) rebuild the server's exception as its own
 * class, keeping the server's {@link RemoteException} as the cause (or as a suppressed
 * exception). Hadoop's {@code failoverOnNetworkException} treats any local IOException that is
 * not a RemoteException as a network failure and would fail over and repeat, say, a
 * FileNotFoundException 15 times. This policy hands the delegate the RemoteException instead,
 * so server answers are judged as such: StandbyException fails over, RetriableException
 * retries, anything else fails at once with the rebuilt exception. A StandbyException that
 * names the active ({@link StandbyHint}) sends the next failover straight there.
 */
final class ServerAnswerRetryPolicy implements RetryPolicy {
  private final RetryPolicy delegate;
  private final QuireFailoverProxyProvider provider;

  /** @param provider told of the active a StandbyException names, so failover goes there */
  ServerAnswerRetryPolicy(RetryPolicy delegate, QuireFailoverProxyProvider provider) {
    this.delegate = delegate;
    this.provider = provider;
  }

  @Override public RetryAction shouldRetry(Exception e, int retries, int failovers,
      boolean isIdempotentOrAtMostOnce) throws Exception {
    RemoteException answer = serverAnswer(e);
    String standbyMessage = e instanceof StandbyException ? e.getMessage()
        : answer != null && StandbyException.class.getName().equals(answer.getClassName())
            ? answer.getMessage() : null;
    String active = StandbyHint.parse(standbyMessage);
    if (active != null && provider != null) {
      provider.preferNext(active);
    }
    return delegate.shouldRetry(answer != null ? answer : e, retries, failovers,
        isIdempotentOrAtMostOnce);
  }

  /** The RemoteException the server sent, if {@code e} is (or was rebuilt from) one. */
  static RemoteException serverAnswer(Throwable e) {
    if (e instanceof RemoteException) {
      return (RemoteException) e;
    }
    if (e.getCause() instanceof RemoteException) {
      return (RemoteException) e.getCause();
    }
    for (Throwable s : e.getSuppressed()) {
      if (s instanceof RemoteException) {
        return (RemoteException) s;
      }
    }
    return null;
  }
}
