package io.quire.protocol.rpc;

import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.ProtobufRpcEngineCallback2;
import org.apache.hadoop.ipc.Server;
import org.apache.hadoop.thirdparty.protobuf.Message;

/**
 * The answer of an IPC call that may leave only later, while the handler thread that ran the
 * call goes on to the next one: the NameNode answers a mutation once its journal records are
 * durable, and its handlers do not wait for the sync (as HDFS's FSEditLogAsync).
 *
 * <p>How: a server implementation running inside {@link RpcExceptions#serve} calls
 * {@link #hold()} and keeps the object it gets; it returns (or throws) as usual. When
 * {@code serve} sees a held answer it does not return the answer to Hadoop IPC: it registers a
 * deferred response ({@link ProtobufRpcEngine2.Server#registerForDeferredResponse2()}, which
 * makes the IPC server send nothing when the handler returns) and keeps the answer or the
 * exception here. The implementation later calls {@link #release()} (the answer or exception
 * leaves as it would have) or {@link #fail(Throwable)} (that exception leaves instead), once,
 * from any thread. Whichever of "serve is done" and "released" comes second sends. An error
 * leaves as an ordinary error response of that one call, its class as thrown (a
 * StandbyException makes the client fail over); the connection and the other calls on it are
 * not touched.
 *
 * <p>Outside such a call (an in-process call, a unit test faking IPC's current call)
 * {@link #hold()} returns null and the implementation must wait itself before returning.
 */
public final class DeferredAnswer {
  private static final ThreadLocal<Boolean> SERVING = new ThreadLocal<>();
  private static final ThreadLocal<DeferredAnswer> HELD = new ThreadLocal<>();

  /** Sends the outcome of one call: an answer, or an error. */
  interface Sender {
    void answer(Object answer);

    void error(Throwable t);
  }

  private boolean released;
  private Throwable failure;
  private Sender sender;
  private Object answer;
  private Throwable thrown;
  private boolean sent;

  private DeferredAnswer() {}

  /**
   * Holds the answer of the current IPC call until {@link #release()} or {@link #fail}, or
   * returns null when it cannot be held: not inside an IPC call served through
   * {@link RpcExceptions#serve}, or one already held for this call (then the caller waits
   * itself; the answer leaves only after both).
   */
  public static DeferredAnswer hold() {
    if (SERVING.get() == null || HELD.get() != null || Server.getCurCall().get() == null) {
      return null;
    }
    DeferredAnswer d = new DeferredAnswer();
    HELD.set(d);
    return d;
  }

  /** The answer (or the implementation's exception) may leave now. */
  public void release() {
    complete(null);
  }

  /** {@code t} leaves instead of the answer (e.g. the records could not be made durable). */
  public void fail(Throwable t) {
    complete(t);
  }

  private void complete(Throwable t) {
    Sender s;
    synchronized (this) {
      if (released) {
        return;
      }
      released = true;
      failure = t;
      s = readyToSend();
    }
    if (s != null) {
      send(s);
    }
  }

  /** By serve, once the implementation returned {@code answer} or threw {@code thrown}. */
  private void attach(Sender s, Object answer, Throwable thrown) {
    synchronized (this) {
      this.sender = s;
      this.answer = answer;
      this.thrown = thrown;
      s = readyToSend();
    }
    if (s != null) {
      send(s);
    }
  }

  /** With the lock: the sender when both sides are there and nothing was sent yet. */
  private Sender readyToSend() {
    if (!released || sender == null || sent) {
      return null;
    }
    sent = true;
    return sender;
  }

  private void send(Sender s) {
    if (failure != null) {
      s.error(failure);
    } else if (thrown != null) {
      s.error(thrown);
    } else {
      s.answer(answer);
    }
  }

  /** {@link RpcExceptions#serve}: marks the thread as serving a call that may be held. */
  static void enter() {
    SERVING.set(Boolean.TRUE);
    HELD.remove();
  }

  /**
   * {@link RpcExceptions#serve}, after the implementation returned {@code answer} or threw
   * {@code thrown}: true when the answer is held (serve returns null and the answer leaves at
   * the release), false when it leaves now as usual.
   */
  static boolean leave(Object answer, Throwable thrown) {
    DeferredAnswer d = HELD.get();
    SERVING.remove();
    HELD.remove();
    if (d == null) {
      return false;
    }
    ProtobufRpcEngineCallback2 cb = ProtobufRpcEngine2.Server.registerForDeferredResponse2();
    d.attach(new Sender() {
      @Override public void answer(Object a) {
        cb.setResponse((Message) a);
      }

      @Override public void error(Throwable t) {
        cb.error(t);
      }
    }, answer, thrown);
    return true;
  }
}
