package io.quire.protocol.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.exceptions.AlreadyBeingCreatedException;
import io.quire.protocol.exceptions.FSLimitException;
import io.quire.protocol.exceptions.LeaseExpiredException;
import io.quire.protocol.exceptions.NotReplicatedYetException;
import io.quire.protocol.exceptions.SafeModeException;
import io.quire.protocol.exceptions.UnregisteredNodeException;
import io.quire.protocol.types.StorageReport;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.InvalidPathException;
import org.apache.hadoop.fs.InvalidRequestException;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.fs.PathNotFoundException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ipc.StandbyException;
import org.apache.hadoop.security.AccessControlException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exceptions thrown by the server implementation reach the client as the same class with the
 * same message (the server's stack trace stays in the RemoteException cause).
 */
class RemoteExceptionTest {
  private static RpcFixture fixture;
  private static ClientProtocol nn;
  private static DataNodeProtocol dnToNn;

  @BeforeAll
  static void startServer() throws IOException {
    fixture = RpcFixture.start();
    nn = fixture.newClientProxy();
    dnToNn = fixture.newDataNodeProxy();
  }

  @AfterAll
  static void stopServer() {
    fixture.close();
  }

  @BeforeEach
  void resetScript() {
    fixture.client.reset();
    fixture.datanode.reset();
  }

  static Stream<IOException> serverExceptions() {
    return Stream.of(
        new FileNotFoundException("getFileInfo: /a/b: no such file or directory"),
        new FileAlreadyExistsException("create: /a/b: is a directory"),
        new SafeModeException("create: /a/b: the NameNode is in safe mode"),
        new StandbyException("Operation category WRITE is not supported in state standby; "
            + "active is nn2"),
        new AccessControlException("create: /a/b: permission denied: user=bob, access=WRITE"),
        new ParentNotDirectoryException("create: /f/x: parent /f is not a directory"),
        new PathIsNotEmptyDirectoryException("/d"),
        new PathNotFoundException("/missing"),
        new AlreadyBeingCreatedException("create: /a/b: being written by c9"),
        new NotReplicatedYetException("addBlock: /a/b: blk_1_1001 has 0 of 1 replicas"),
        new LeaseExpiredException("addBlock /a/b: the file is open for writing by another"
            + " client, not by c1"),
        new FSLimitException.PathComponentTooLongException("mkdirs /a/xxx: the name xxx is"
            + " 300 bytes long: limit=255"),
        new FSLimitException.MaxDirectoryItemsExceededException("create /a/b: directory /a"
            + " is full: limit=2 items=2"),
        new FSLimitException.PathTooLongException("mkdirs /a/b: path too long: 1001 levels,"
            + " limit=1000"),
        new InvalidRequestException("fsync /a/b: block length -1 is negative"),
        new IOException("multi-line\nmessage: second line"));
  }

  @ParameterizedTest
  @MethodSource("serverExceptions")
  void serverExceptionArrivesAsSameClassAndMessage(IOException thrown) {
    fixture.client.fails("create", thrown);
    IOException got = assertThrows(IOException.class,
        () -> nn.create("/a/b", (short) 0644, "c1", false, true, (short) 3, 1024));
    assertSame(thrown.getClass(), got.getClass());
    assertEquals(thrown.getMessage(), got.getMessage());
    // The server's side travels along: as the cause, or suppressed where the class would
    // fold a cause into its message (PathIOException).
    Throwable server = got.getCause() != null ? got.getCause() : got.getSuppressed()[0];
    RemoteException remote = assertInstanceOf(RemoteException.class, server);
    assertEquals(thrown.getClass().getName(), remote.getClassName());
  }

  @Test
  void exceptionWithoutMessageArrivesWithoutMessage() {
    fixture.client.fails("getFileInfo", new FileNotFoundException());
    IOException got = assertThrows(FileNotFoundException.class, () -> nn.getFileInfo("/x"));
    assertNull(got.getMessage());
  }

  @Test
  void datanodeProtocolExceptionsAreUnwrappedToo() {
    fixture.datanode.fails("sendHeartbeat",
        new UnregisteredNodeException("sendHeartbeat: uuid-1 is not registered"));
    UnregisteredNodeException got = assertThrows(UnregisteredNodeException.class,
        () -> dnToNn.sendHeartbeat(Samples.registration(1),
            new StorageReport(1, 0, 1, 0, 0)));
    assertEquals("sendHeartbeat: uuid-1 is not registered", got.getMessage());
  }

  @Test
  void rejectedArgumentArrivesAsSameIllegalArgumentException() {
    InvalidPathException thrown = new InvalidPathException("/a:b");
    fixture.client.answer("mkdirs", args -> {
      throw thrown;
    });
    InvalidPathException got = assertThrows(InvalidPathException.class,
        () -> nn.mkdirs("/a:b", (short) 0755, true));
    assertEquals(thrown.getMessage(), got.getMessage());
  }

  @Test
  void serverRuntimeFailureStaysARemoteException() {
    fixture.client.answer("getListing", args -> {
      throw new IllegalStateException("bug in getListing");
    });
    RemoteException got = assertThrows(RemoteException.class, () -> nn.getListing("/", ""));
    assertEquals(IllegalStateException.class.getName(), got.getClassName());
  }

  @Test
  void callAfterAFailureStillWorks() throws IOException {
    fixture.client.fails("delete", new FileNotFoundException("delete: /x"));
    assertThrows(FileNotFoundException.class, () -> nn.delete("/x", false));
    fixture.client.returns("delete", true);
    assertEquals(true, nn.delete("/x", false));
    assertEquals(2, fixture.client.calls("delete").size());
    assertEquals(List.of("/x", false), fixture.client.lastCall("delete").args());
  }
}
