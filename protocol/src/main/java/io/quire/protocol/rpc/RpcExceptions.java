package io.quire.protocol.rpc;

import java.io.IOException;
import java.lang.reflect.Constructor;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;

/**
 * Moves IOExceptions across the protobuf service boundary, in both directions.
 *
 * <p>Server side: {@link #serve} runs a call on the Java implementation and wraps its
 * IOException in a ServiceException; ProtobufRpcEngine2 unwraps it again and sends the
 * exception's class and text to the client, which receives a {@link RemoteException}.
 *
 * <p>Client side: {@link #invoke} runs a call on the PB proxy and turns the ServiceException
 * back into the server's exception class (when that class is an IOException with a
 * {@code (String)} constructor, as every Quire, Hadoop and JDK exception sent by the NameNode
 * is). The message is the server's message without the server's stack trace; the full
 * RemoteException (with the trace) is the cause. This replaces Hadoop's ProtobufHelper, which
 * needs unshaded protobuf 2.5.
 */
public final class RpcExceptions {
  private static final String STACK_FRAME = "\n\tat ";

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

  /** Server side: runs {@code call}, wrapping an IOException in a ServiceException. */
  public static <T> T serve(IoCall<T> call) throws ServiceException {
    try {
      return call.call();
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }

  /** Client side: runs {@code call}, turning a ServiceException into the server's exception. */
  public static <T> T invoke(PbCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (ServiceException e) {
      throw unwrap(e);
    }
  }

  /** The IOException a ServiceException thrown by a PB proxy stands for. */
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
   * The server's exception class with the server's message, or {@code re} itself when that
   * class is not an IOException that can be rebuilt from a message.
   */
  public static IOException unwrap(RemoteException re) {
    try {
      Class<? extends IOException> type =
          Class.forName(re.getClassName()).asSubclass(IOException.class);
      Constructor<? extends IOException> ctor = type.getConstructor(String.class);
      IOException ex = ctor.newInstance(serverMessage(re));
      ex.initCause(re);
      return ex;
    } catch (ReflectiveOperationException | ClassCastException | IllegalStateException e) {
      return re;
    }
  }

  /** The server's message: the RemoteException's text up to the server's stack trace. */
  static String serverMessage(RemoteException re) {
    String text = re.getMessage();
    if (text == null) {
      return null;
    }
    int frame = text.indexOf(STACK_FRAME);
    String message = frame < 0 ? text : text.substring(0, frame);
    // An exception without a message is stringified as its bare class name.
    return message.equals(re.getClassName()) ? null : message;
  }
}
