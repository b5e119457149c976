package io.quire.protocol.rpc;

import java.io.IOException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;

/**
 * Moves exceptions across the protobuf service boundary, in both directions.
 *
 * <p>Server side: {@link #serve} runs a call on the Java implementation and wraps its
 * IOException in a ServiceException; ProtobufRpcEngine2 unwraps it again and sends the
 * exception's class and text to the client, which receives a {@link RemoteException}.
 *
 * <p>Client side: {@link #invoke} runs a call on the PB proxy and turns the ServiceException
 * back into the server's exception class with the server's message (see
 * {@link ServerExceptionRebuilder}); the RemoteException with the server's stack trace is its
 * cause. This replaces Hadoop's ProtobufHelper, which needs unshaded protobuf 2.5.
 */
public final class RpcExceptions {
  private RpcExceptions() {}

  /** A call on a Java protocol implementation. */
  @FunctionalInterface
  public interface IoCall<T> {
    T call() throws IOException;
  }

  /** A call on a protobuf BlockingInterface proxy. */
  @FunctionalInterface
  public interface PbCall<T> {
    T call() throws ServiceException;
  }

  /**
   * Server side: runs {@code call}, wrapping an IOException in a ServiceException. When the
   * implementation held its answer ({@link DeferredAnswer#hold()}), returns null instead and
   * the answer, or what the implementation threw, leaves at the release.
   */
  public static <T> T serve(IoCall<T> call) throws ServiceException {
    T answer;
    DeferredAnswer.enter();
    try {
      answer = call.call();
    } catch (IOException e) {
      if (DeferredAnswer.leave(null, e)) {
        return null;
      }
      throw new ServiceException(e);
    } catch (RuntimeException | Error e) {
      if (DeferredAnswer.leave(null, e)) {
        return null;
      }
      throw e;
    }
    return DeferredAnswer.leave(answer, null) ? null : answer;
  }

  /**
   * Client side: runs {@code call}, turning a ServiceException into the server's exception.
   *
   * @throws IOException the server's IOException as its own class, a RemoteException when
   *     the server failed otherwise, or the local IPC failure (e.g. ConnectException)
   * @throws IllegalArgumentException when the server rejected an argument with an
   *     IllegalArgumentException (e.g. org.apache.hadoop.fs.InvalidPathException), as that class
   */
  public static <T> T invoke(PbCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (ServiceException e) {
      throw unwrap(e);
    }
  }

  /**
   * The IOException a ServiceException thrown by a PB proxy stands for.
   *
   * @throws IllegalArgumentException when the server threw one (rebuilt as its own class)
   */
  public static IOException unwrap(ServiceException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RemoteException) {
      return unwrap((RemoteException) cause);
    }
    if (cause instanceof IOException) {
      return (IOException) cause;
    }
    return new IOException(e.getMessage(), cause == null ? e : cause);
  }

  /**
   * The server's exception rebuilt as its own class with the server's message, or {@code re}
   * itself when it cannot be rebuilt.
   *
   * @throws IllegalArgumentException when the server threw one (rebuilt as its own class)
   */
  public static IOException unwrap(RemoteException re) {
    Exception rebuilt = ServerExceptionRebuilder.rebuild(re);
    if (rebuilt instanceof IllegalArgumentException) {
      throw (IllegalArgumentException) rebuilt;
    }
    return rebuilt instanceof IOException ? (IOException) rebuilt : re;
  }
}
