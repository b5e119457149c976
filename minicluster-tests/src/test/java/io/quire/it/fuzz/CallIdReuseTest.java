package io.quire.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.it.fuzz.IpcFrames.Response;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.proto.ClientNamenodeProtocolProtos.CreateRequestProto;
import io.quire.protocol.proto.ClientNamenodeProtocolProtos.DeleteRequestProto;
import io.quire.protocol.proto.ClientNamenodeProtocolProtos.AddBlockRequestProto;
import io.quire.protocol.proto.ClientNamenodeProtocolProtos.RenameRequestProto;
import io.quire.protocol.proto.QuireTypesProtos.RenameModeProto;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.ipc.protobuf.RpcHeaderProtos.RpcResponseHeaderProto.RpcStatusProto;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.thirdparty.protobuf.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that reuses an IPC call id for a different {@code @AtMostOnce} method (found by
 * {@link NameNodeIpcFuzzTest}, which sends every call as call 1 of one client id): the NameNode
 * must refuse the second call with a clean IOException, not take it for a retry of the first.
 * Before, the retry cache, keyed only by (client id, call id), answered it with the first call's
 * cached answer: a ClassCastException for a call of another answer type (create, then addBlock
 * or complete; rename, then create), or a success without running it for a call of the same
 * shape (delete, then rename: the rename did not happen).
 */
class CallIdReuseTest {
  private static MiniQuireCluster cluster;
  private static Socket socket;
  private static DataInputStream in;

  @BeforeAll
  static void start() throws Exception {
    Configuration conf = new Configuration();
    conf.setInt("quire.replication", 1);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(1).build();
    socket = new Socket("localhost", cluster.getNameNode().getRpcAddress().getPort());
    socket.setSoTimeout(30_000);
    in = new DataInputStream(socket.getInputStream());
    socket.getOutputStream().write(IpcFrames.concat(IpcFrames.connectionHeader(),
        IpcFrames.contextFrame(UserGroupInformation.getCurrentUser().getShortUserName(),
            IpcFrames.CLIENT_PROTOCOL)));
  }

  @AfterAll
  static void stop() throws IOException {
    if (socket != null) {
      socket.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Response call(int callId, String method, Message request) throws IOException {
    socket.getOutputStream().write(IpcFrames.callFrame(callId, method, request.toByteArray()));
    socket.getOutputStream().flush();
    Response r = IpcFrames.readResponse(in);
    assertEquals(callId, r.header().getCallId(), r.toString());
    return r;
  }

  private static CreateRequestProto create(String path) {
    return CreateRequestProto.newBuilder().setPath(path).setPermission(0644)
        .setClientName("reuse-client").setOverwrite(false).setCreateParent(true)
        .setReplication(1).setBlockSize(1 << 20).build();
  }

  /** A call refused with an IOException (a class the client can rebuild), not a crash. */
  private static void assertRefusedCleanly(Response r) throws ClassNotFoundException {
    assertEquals(RpcStatusProto.ERROR, r.header().getStatus(), r.toString());
    Class<?> c = Class.forName(r.header().getExceptionClassName());
    assertTrue(IOException.class.isAssignableFrom(c), r.toString());
    assertTrue(r.header().getErrorMsg().contains("call id"), r.toString());
  }

  @Test
  void callOfAnotherAnswerTypeIsRefused() throws Exception {
    assertEquals(RpcStatusProto.SUCCESS, call(5, "create", create("/reuse/a")).header()
        .getStatus());
    Response r = call(5, "addBlock", AddBlockRequestProto.newBuilder().setPath("/reuse/a")
        .setFileId(0).setClientName("reuse-client").build());
    assertRefusedCleanly(r);
  }

  @Test
  void payloadCallAfterCallWithoutAnswerIsRefused() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    assertTrue(fs.mkdirs(new Path("/reuse/x")));
    assertEquals(RpcStatusProto.SUCCESS, call(6, "rename", RenameRequestProto.newBuilder()
        .setSrc("/reuse/x").setDst("/reuse/y").setMode(RenameModeProto.RENAME_NO_OVERWRITE)
        .build()).header().getStatus());
    assertRefusedCleanly(call(6, "create", create("/reuse/b")));
  }

  @Test
  void callOfTheSameShapeIsNotAnsweredWithoutRunning() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    assertTrue(fs.mkdirs(new Path("/reuse/d")));
    assertTrue(fs.mkdirs(new Path("/reuse/e")));
    assertEquals(RpcStatusProto.SUCCESS, call(7, "delete", DeleteRequestProto.newBuilder()
        .setPath("/reuse/d").setRecursive(true).build()).header().getStatus());
    Response r = call(7, "rename", RenameRequestProto.newBuilder().setSrc("/reuse/e")
        .setDst("/reuse/f").setMode(RenameModeProto.RENAME_NO_OVERWRITE).build());
    assertRefusedCleanly(r);
    assertTrue(fs.exists(new Path("/reuse/e")));
    assertFalse(fs.exists(new Path("/reuse/f")));
  }
}
