package io.quire.protocol.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.junit.jupiter.api.Test;

/** Unwrapping rules of {@link RpcExceptions}, without a server. */
class RpcExceptionsTest {
  private static final String TRACE =
      "\n\tat io.quire.Foo.bar(Foo.java:1)\n\tat io.quire.Foo.baz(Foo.java:2)\n";

  @Test
  void remoteExceptionBecomesServerClassWithoutServerTrace() {
    RemoteException re = new RemoteException(FileNotFoundException.class.getName(),
        "open: /a: not found" + TRACE);
    IOException got = RpcExceptions.unwrap(new ServiceException(re));
    assertInstanceOf(FileNotFoundException.class, got);
    assertEquals("open: /a: not found", got.getMessage());
    assertSame(re, got.getCause());
  }

  @Test
  void unknownClassStaysRemoteException() {
    RemoteException re = new RemoteException("com.example.Gone", "boom" + TRACE);
    assertSame(re, RpcExceptions.unwrap(new ServiceException(re)));
  }

  @Test
  void classWithoutStringConstructorStaysRemoteException() {
    RemoteException re = new RemoteException(NoStringCtor.class.getName(), "x");
    assertSame(re, RpcExceptions.unwrap(re));
  }

  @Test
  void bareClassNameMeansNoMessage() {
    RemoteException re = new RemoteException(FileNotFoundException.class.getName(),
        FileNotFoundException.class.getName() + TRACE);
    assertNull(RpcExceptions.unwrap(re).getMessage());
  }

  @Test
  void localIoFailureIsPassedThrough() {
    IOException local = new ConnectException("Connection refused");
    assertSame(local, RpcExceptions.unwrap(new ServiceException(local)));
  }

  @Test
  void nonIoCauseIsWrapped() {
    IllegalStateException cause = new IllegalStateException("odd");
    IOException got = RpcExceptions.unwrap(new ServiceException(cause));
    assertSame(cause, got.getCause());
  }

  /** An IOException that cannot be rebuilt from a message. */
  static final class NoStringCtor extends IOException {
    private static final long serialVersionUID = 1L;

    NoStringCtor() {
      super("fixed");
    }
  }
}
