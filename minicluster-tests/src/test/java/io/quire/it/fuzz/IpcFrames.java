package io.quire.it.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.ipc.RpcConstants;
import org.apache.hadoop.ipc.protobuf.IpcConnectionContextProtos.IpcConnectionContextProto;
import org.apache.hadoop.ipc.protobuf.IpcConnectionContextProtos.UserInformationProto;
import org.apache.hadoop.ipc.protobuf.ProtobufRpcEngine2Protos.RequestHeaderProto;
import org.apache.hadoop.ipc.protobuf.RpcHeaderProtos.RpcKindProto;
import org.apache.hadoop.ipc.protobuf.RpcHeaderProtos.RpcRequestHeaderProto;
import org.apache.hadoop.ipc.protobuf.RpcHeaderProtos.RpcRequestHeaderProto.OperationProto;
import org.apache.hadoop.ipc.protobuf.RpcHeaderProtos.RpcResponseHeaderProto;
import org.apache.hadoop.thirdparty.protobuf.CodedOutputStream;
import org.apache.hadoop.thirdparty.protobuf.Message;

/**
 * Hadoop IPC (version 9) framing, byte by byte, so a fuzzer can break any part of it:
 * <pre>
 * connection header: "hrpc", byte version (9), byte service class (0), byte auth (0: none)
 * frame:             int length, then length bytes:
 *   connection context: varint-delimited RpcRequestHeaderProto (callId -3),
 *                       varint-delimited IpcConnectionContextProto (user, protocol)
 *   call:               varint-delimited RpcRequestHeaderProto (callId &gt;= 0),
 *                       varint-delimited RequestHeaderProto (method, protocol, version),
 *                       varint-delimited request message
 * response:          int length, varint-delimited RpcResponseHeaderProto, then on SUCCESS
 *                    the varint-delimited response message
 * </pre>
 */
final class IpcFrames {
  /** The protocol name Quire's ClientProtocol is served under. */
  static final String CLIENT_PROTOCOL = "io.quire.protocol.client.ClientProtocol";
  /** The protocol names of the NameNode's other protocols on the same port. */
  static final String DATANODE_PROTOCOL = "io.quire.protocol.datanode.DataNodeProtocol";
  static final String HA_ADMIN_PROTOCOL = "io.quire.protocol.ha.HaAdminProtocol";
  static final byte[] CLIENT_ID = "quire-ipc-fuzzer".getBytes(StandardCharsets.US_ASCII);

  private IpcFrames() {}

  static byte[] connectionHeader() {
    return new byte[] {'h', 'r', 'p', 'c', RpcConstants.CURRENT_VERSION, 0, 0};
  }

  static RpcRequestHeaderProto.Builder callHeader(int callId) {
    return callHeader(callId, CLIENT_ID);
  }

  static RpcRequestHeaderProto.Builder callHeader(int callId, byte[] clientId) {
    return RpcRequestHeaderProto.newBuilder().setRpcKind(RpcKindProto.RPC_PROTOCOL_BUFFER)
        .setRpcOp(OperationProto.RPC_FINAL_PACKET).setCallId(callId)
        .setClientId(org.apache.hadoop.thirdparty.protobuf.ByteString.copyFrom(clientId))
        .setRetryCount(RpcConstants.INVALID_RETRY_COUNT);
  }

  static IpcConnectionContextProto context(String user, String protocol) {
    return IpcConnectionContextProto.newBuilder().setProtocol(protocol)
        .setUserInfo(UserInformationProto.newBuilder().setEffectiveUser(user)).build();
  }

  /** The connection context frame. */
  static byte[] contextFrame(String user, String protocol) {
    return frame(delimited(callHeader(RpcConstants.CONNECTION_CONTEXT_CALL_ID).build()),
        delimited(context(user, protocol)));
  }

  static RequestHeaderProto methodHeader(String method) {
    return methodHeader(CLIENT_PROTOCOL, method);
  }

  static RequestHeaderProto methodHeader(String protocol, String method) {
    return RequestHeaderProto.newBuilder().setMethodName(method)
        .setDeclaringClassProtocolName(protocol).setClientProtocolVersion(1).build();
  }

  /** A call of {@code method} of ClientProtocol with the request message bytes {@code body}. */
  static byte[] callFrame(int callId, String method, byte[] body) {
    return callFrame(CLIENT_ID, callId, method, body);
  }

  /** The same, from the client with id {@code clientId} (16 bytes). */
  static byte[] callFrame(byte[] clientId, int callId, String method, byte[] body) {
    return callFrame(clientId, callId, CLIENT_PROTOCOL, method, body);
  }

  /** A call of {@code method} of {@code protocol} from the client with id {@code clientId}. */
  static byte[] callFrame(byte[] clientId, int callId, String protocol, String method,
      byte[] body) {
    return frame(delimited(callHeader(callId, clientId).build()),
        delimited(methodHeader(protocol, method)), delimited(body));
  }

  static byte[] delimited(Message m) {
    return delimited(m.toByteArray());
  }

  static byte[] delimited(byte[] raw) {
    return concat(varint(raw.length), raw);
  }

  static byte[] varint(long v) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      CodedOutputStream c = CodedOutputStream.newInstance(b);
      c.writeUInt64NoTag(v);
      c.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  /** A frame: the total length of the parts, then the parts. */
  static byte[] frame(byte[]... parts) {
    byte[] body = concat(parts);
    return concat(int32(body.length), body);
  }

  static byte[] int32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  /** One response: its header, and the rest of its frame (the response message). */
  record Response(RpcResponseHeaderProto header, byte[] rest) {
    @Override public String toString() {
      return "call " + header.getCallId() + " " + header.getStatus()
          + (header.hasExceptionClassName() ? " " + header.getExceptionClassName() + ": "
              + header.getErrorMsg() : "");
    }
  }

  /** Reads one response frame. */
  static Response readResponse(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len < 0 || len > 64 << 20) {
      throw new IOException("response frame length " + len);
    }
    byte[] frame = new byte[len];
    in.readFully(frame);
    ByteArrayInputStream f = new ByteArrayInputStream(frame);
    RpcResponseHeaderProto h = RpcResponseHeaderProto.parseDelimitedFrom(f);
    return new Response(h, f.readAllBytes());
  }
}
