package io.quire.protocol.rpc;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.Objects;
import org.apache.hadoop.ipc.RemoteException;

/**
 * Rebuilds, on the client, the exception a server threw, from the class name and text a
 * {@link RemoteException} carries.
 *
 * <p>Rebuilt are IOExceptions and IllegalArgumentExceptions (argument validation, e.g.
 * org.apache.hadoop.fs.InvalidPathException) that have a public {@code (String)} constructor.
 * The message is the server's message without the server's stack trace. Some constructors
 * decorate their argument (PathIOException subclasses turn a path {@code p} into
 * "`p': Directory is not empty"); for those the argument is recovered from the server's
 * message, so the rebuilt message equals the server's. (A message made by another constructor,
 * e.g. InvalidPathException(path, reason), arrives decorated once more.) The server's
 * RemoteException, with its stack trace, becomes the cause (a suppressed exception instead for
 * classes that fold their cause into their message, like PathIOException). Anything else (a
 * server bug's NullPointerException, a class unknown here) is left as the RemoteException.
 */
final class ServerExceptionRebuilder {
  private static final String STACK_FRAME = "\n\tat ";
  private static final String PROBE = "\u0000probe\u0000";

  private ServerExceptionRebuilder() {}

  /** The rebuilt exception, or null when it cannot be rebuilt. */
  static Exception rebuild(RemoteException re) {
    try {
      Class<?> type = Class.forName(re.getClassName());
      if (!IOException.class.isAssignableFrom(type)
          && !IllegalArgumentException.class.isAssignableFrom(type)) {
        return null;
      }
      Constructor<? extends Exception> ctor =
          type.asSubclass(Exception.class).getConstructor(String.class);
      String message = serverMessage(re);
      String arg = message;
      if (message != null && !message.equals(ctor.newInstance(message).getMessage())) {
        String undecorated = undecoratedArgument(ctor, message);
        arg = undecorated != null ? undecorated : message;
      }
      Exception ex = ctor.newInstance(arg);
      String rebuiltMessage = ex.getMessage();
      ex.initCause(re);
      if (Objects.equals(rebuiltMessage, ex.getMessage())) {
        return ex;
      }
      // The class folds its cause into its message (PathIOException): attach re otherwise.
      Exception plain = ctor.newInstance(arg);
      plain.addSuppressed(re);
      return plain;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /**
   * For a constructor that wraps its argument as {@code prefix + arg + suffix}: the argument
   * that reproduces {@code message} exactly, or null.
   */
  private static String undecoratedArgument(Constructor<? extends Exception> ctor,
      String message) throws ReflectiveOperationException {
    String probed = ctor.newInstance(PROBE).getMessage();
    int at = probed == null ? -1 : probed.indexOf(PROBE);
    if (at < 0) {
      return null;
    }
    String prefix = probed.substring(0, at);
    String suffix = probed.substring(at + PROBE.length());
    if (!message.startsWith(prefix) || !message.endsWith(suffix)
        || message.length() < prefix.length() + suffix.length()) {
      return null;
    }
    String arg = message.substring(prefix.length(), message.length() - suffix.length());
    return message.equals(ctor.newInstance(arg).getMessage()) ? arg : null;
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
