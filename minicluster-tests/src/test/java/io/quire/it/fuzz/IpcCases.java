package io.quire.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.it.fuzz.IpcFrames.Response;
import io.quire.protocol.proto.ClientNamenodeProtocolProtos;
import io.quire.protocol.proto.ClientNamenodeProtocolProtos.GetFileInfoRequestProto;
import io.quire.protocol.proto.DataNodeProtocolProtos;
import io.quire.protocol.proto.HaAdminProtocolProtos;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.ipc.RpcConstants;
import org.apache.hadoop.ipc.protobuf.RpcHeaderProtos.RpcKindProto;
import org.apache.hadoop.ipc.protobuf.RpcHeaderProtos.RpcRequestHeaderProto;
import org.apache.hadoop.ipc.protobuf.RpcHeaderProtos.RpcRequestHeaderProto.OperationProto;
import org.apache.hadoop.ipc.protobuf.RpcHeaderProtos.RpcResponseHeaderProto.RpcStatusProto;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.apache.hadoop.thirdparty.protobuf.Descriptors.MethodDescriptor;
import org.apache.hadoop.thirdparty.protobuf.Descriptors.ServiceDescriptor;

/**
 * Generates the cases of {@link NameNodeIpcFuzzTest}: inputs for the NameNode's IPC port, each
 * with the check of the answer. Cases that break the connection-level framing (connection
 * header, frame lengths, RPC headers, connection context) half-close and need only an answer
 * or a close within the read timeout: what to do with them is Hadoop's Server's business.
 * Cases that send a well-framed call (a bad method header, or a garbage request for a real
 * ClientProtocol method) are followed on the same connection by a probe call
 * ({@code getFileInfo("/")}): both must be answered, the probe with SUCCESS, and no answer may
 * carry a RuntimeException other than IllegalArgumentException, or an Error (the NameNode's
 * request handling must fail on bad input with an IOException that names the problem, not
 * stumble over it).
 */
final class IpcCases {
  private static final int PROBE_CALL = 1_000_000;
  private static final int MAX_ANSWER = 1 << 20;
  /** Methods left out: they legitimately stop the cluster from taking the final write. */
  private static final Set<String> EXCLUDED = Set.of("setSafeMode", "setDecommission");

  private final InetSocketAddress nn;
  private final Duration readTimeout;
  private final int maxDataLength;
  private final String user;
  private final List<Method> methods = new ArrayList<>();
  /** How calls were answered: "method variant -> status/exception", counted. */
  private final Map<String, AtomicInteger> outcomes = new ConcurrentSkipListMap<>();

  /**
   * @param maxDataLength the NameNode's ipc.maximum.data.length
   * @param user the user calls are made as (the NameNode's superuser: calls get deepest)
   */
  IpcCases(InetSocketAddress nn, Duration readTimeout, int maxDataLength, String user) {
    this.nn = nn;
    this.readTimeout = readTimeout;
    this.maxDataLength = maxDataLength;
    this.user = user;
    addMethods(IpcFrames.CLIENT_PROTOCOL, ClientNamenodeProtocolProtos.getDescriptor()
        .findServiceByName("ClientNamenodeProtocol"));
    addMethods(IpcFrames.DATANODE_PROTOCOL, DataNodeProtocolProtos.getDescriptor()
        .findServiceByName("DataNodeProtocolService"));
    addMethods(IpcFrames.HA_ADMIN_PROTOCOL, HaAdminProtocolProtos.getDescriptor()
        .findServiceByName("HaAdminProtocolService"));
  }

  /** A method of one of the protocols the NameNode's IPC port serves. */
  private record Method(String protocol, MethodDescriptor descriptor) {
    String name() {
      return descriptor.getName();
    }

    /** The method, qualified by its protocol unless ClientProtocol (for the outcomes). */
    String qualifiedName() {
      return protocol.equals(IpcFrames.CLIENT_PROTOCOL) ? name()
          : protocol.substring(protocol.lastIndexOf('.') + 1) + "." + name();
    }
  }

  private void addMethods(String protocol, ServiceDescriptor service) {
    for (MethodDescriptor m : service.getMethods()) {
      if (!EXCLUDED.contains(m.getName())) {
        methods.add(new Method(protocol, m));
      }
    }
  }

  /** The answers seen so far, by method and kind of request. */
  Map<String, AtomicInteger> outcomes() {
    return outcomes;
  }

  FuzzCase generate(int index, Random r) {
    // a client id of its own, so its at-most-once calls run instead of meeting another case's
    // retry cache entry; one case in ten shares one client id and call id with others
    byte[] cid = IpcFrames.CLIENT_ID;
    if (r.nextInt(10) != 0) {
      cid = new byte[16];
      r.nextBytes(cid);
    }
    int k = r.nextInt(100);
    if (k < 6) {
      byte[] b = new byte[r.nextInt(200)];
      r.nextBytes(b);
      return raw("random bytes", b);
    }
    if (k < 14) {
      return connectionHeader(r);
    }
    if (k < 24) {
      return frameLength(r);
    }
    if (k < 32) {
      return connectionContext(r, cid);
    }
    if (k < 42) {
      return rpcHeader(r, cid);
    }
    if (k < 52) {
      return methodHeader(r, cid);
    }
    return requestBody(r, cid);
  }

  // ---- connection-level: an answer or a close ---------------------------------------------

  private FuzzCase raw(String what, byte[] b) {
    return new IpcExchange(what, b);
  }

  private FuzzCase connectionHeader(Random r) {
    byte[] h = IpcFrames.connectionHeader();
    int v = r.nextInt(6);
    String what;
    if (v == 0) {
      byte[] magic = new byte[4];
      r.nextBytes(magic);
      System.arraycopy(magic, 0, h, 0, 4);
      what = "magic " + Arrays.toString(magic);
    } else if (v == 1) {
      h = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      what = "an HTTP request";
    } else if (v == 2) {
      byte[] versions = {0, 1, 8, 10, 127, -1};
      h[4] = versions[r.nextInt(versions.length)];
      what = "IPC version " + h[4];
    } else if (v == 3) {
      h[5] = (byte) r.nextInt();
      what = "service class " + h[5];
    } else if (v == 4) {
      byte[] auth = {1, 2, -33, 81, -1};
      h[6] = auth[r.nextInt(auth.length)];
      what = "auth protocol " + h[6];
    } else {
      h = Arrays.copyOf(h, r.nextInt(h.length));
      what = "connection header cut to " + h.length + " bytes";
    }
    byte[] rest = r.nextBoolean() ? IpcFrames.contextFrame(user, IpcFrames.CLIENT_PROTOCOL)
        : new byte[0];
    return raw(what, IpcFrames.concat(h, rest));
  }

  private FuzzCase frameLength(Random r) {
    int[] lengths = {-1, Integer.MIN_VALUE, 0, 1, maxDataLength, maxDataLength + 1,
        Integer.MAX_VALUE, 16 + r.nextInt(100)};
    int len = lengths[r.nextInt(lengths.length)];
    int send = len <= 0 ? 0 : Math.min(len, r.nextInt(300));
    byte[] body = new byte[send];
    r.nextBytes(body);
    String what = "frame length " + len + ", " + send + " random bytes";
    if (r.nextBoolean() && send > 12) {
      // a well-formed length, then a malformed varint (ten 0xFF) or a delimiter claiming more
      byte[] varint = r.nextBoolean() ? IpcFrames.varint(Long.MAX_VALUE)
          : new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
      System.arraycopy(varint, 0, body, 0, Math.min(varint.length, body.length));
      what += " starting with varint " + Arrays.toString(varint);
    }
    byte[] prefix = r.nextBoolean() ? IpcFrames.concat(IpcFrames.connectionHeader(),
        IpcFrames.contextFrame(user, IpcFrames.CLIENT_PROTOCOL))
        : IpcFrames.connectionHeader();
    return raw(what, IpcFrames.concat(prefix, IpcFrames.int32(len), body));
  }

  private FuzzCase connectionContext(Random r, byte[] cid) {
    byte[] header = IpcFrames.delimited(
        IpcFrames.callHeader(RpcConstants.CONNECTION_CONTEXT_CALL_ID).build());
    byte[] ctx = null;
    byte[] b = IpcFrames.connectionHeader();
    String what;
    switch (r.nextInt(6)) {
      case 0 -> {
        byte[] junk = new byte[r.nextInt(60)];
        r.nextBytes(junk);
        ctx = IpcFrames.delimited(junk);
        what = "context of random bytes";
      }
      case 1 -> {
        ctx = IpcFrames.delimited(IpcFrames.context(user, "no.such.Protocol"));
        what = "context for an unknown protocol";
      }
      case 2 -> {
        ctx = IpcFrames.delimited(IpcFrames.context(RandomMessages.string(r),
            IpcFrames.CLIENT_PROTOCOL));
        what = "context of a strange user";
      }
      case 3 -> what = "call before any context";
      case 4 -> {
        b = IpcFrames.concat(b, IpcFrames.contextFrame(user, IpcFrames.CLIENT_PROTOCOL));
        ctx = IpcFrames.delimited(IpcFrames.context(user, IpcFrames.CLIENT_PROTOCOL));
        what = "two contexts";
      }
      default -> {
        ctx = IpcFrames.delimited(new byte[0]);
        what = "empty context";
      }
    }
    if (ctx != null) {
      b = IpcFrames.concat(b, IpcFrames.frame(header, ctx));
    }
    return raw(what, IpcFrames.concat(b, getFileInfo(cid, 1, "/")));
  }

  /** Valid connection, then a call whose RpcRequestHeaderProto is broken. */
  private FuzzCase rpcHeader(Random r, byte[] cid) {
    RpcRequestHeaderProto.Builder h = IpcFrames.callHeader(1, cid);
    String what;
    switch (r.nextInt(6)) {
      case 0 -> {
        RpcKindProto k = r.nextBoolean() ? RpcKindProto.RPC_BUILTIN : RpcKindProto.RPC_WRITABLE;
        h.setRpcKind(k);
        what = "rpc kind " + k;
      }
      case 1 -> {
        OperationProto o = r.nextBoolean() ? OperationProto.RPC_CONTINUATION_PACKET
            : OperationProto.RPC_CLOSE_CONNECTION;
        h.setRpcOp(o);
        what = "rpc op " + o;
      }
      case 2 -> {
        int[] ids = {-1, -2, -3, -4, -33, Integer.MIN_VALUE};
        h.setCallId(ids[r.nextInt(ids.length)]);
        what = "call id " + h.getCallId();
      }
      case 3 -> {
        byte[] id = new byte[new int[] {0, 1, 15, 17, 100}[r.nextInt(5)]];
        h.setClientId(ByteString.copyFrom(id));
        what = "client id of " + id.length + " bytes";
      }
      case 4 -> {
        h.clearRpcKind();
        what = "no rpc kind";
      }
      default -> {
        h.setRetryCount(r.nextBoolean() ? Integer.MAX_VALUE : -2);
        what = "retry count " + h.getRetryCount();
      }
    }
    byte[] call = IpcFrames.frame(IpcFrames.delimited(h.buildPartial()),
        IpcFrames.delimited(IpcFrames.methodHeader("getFileInfo")),
        IpcFrames.delimited(GetFileInfoRequestProto.newBuilder().setPath("/").build()));
    return raw(what, IpcFrames.concat(connected(), call));
  }

  // ---- call-level: the connection must survive ---------------------------------------------

  /** A call with a broken RequestHeaderProto (method, protocol, version). */
  private FuzzCase methodHeader(Random r, byte[] cid) {
    String method = methods.get(r.nextInt(methods.size())).name();
    String protocol = IpcFrames.CLIENT_PROTOCOL;
    long version = 1;
    String what;
    switch (r.nextInt(5)) {
      case 0 -> {
        method = r.nextBoolean() ? "noSuchMethod" : "";
        what = "method '" + method + "'";
      }
      case 1 -> {
        method = r.nextBoolean() ? "getHaStatus" : "sendHeartbeat";
        what = "method " + method + " of another protocol";
      }
      case 2 -> {
        protocol = r.nextBoolean() ? "no.such.Protocol" : "";
        what = "protocol '" + protocol + "'";
      }
      case 3 -> {
        version = new long[] {0, 2, -1, Long.MAX_VALUE}[r.nextInt(4)];
        what = "protocol version " + version;
      }
      default -> {
        method = "getFileInfo\u0000";
        what = "method name with a NUL";
      }
    }
    byte[] header = IpcFrames.delimited(org.apache.hadoop.ipc.protobuf.ProtobufRpcEngine2Protos
        .RequestHeaderProto.newBuilder().setMethodName(method)
        .setDeclaringClassProtocolName(protocol).setClientProtocolVersion(version).build());
    byte[] call = IpcFrames.frame(IpcFrames.delimited(IpcFrames.callHeader(1, cid).build()),
        header,
        IpcFrames.delimited(GetFileInfoRequestProto.newBuilder().setPath("/").build()));
    return new IpcExchange(what, IpcFrames.concat(connected(), call), List.of(1), cid);
  }

  /**
   * A well-framed call of a real method of ClientProtocol, DataNodeProtocol or HaAdminProtocol
   * whose request message is garbage.
   */
  private FuzzCase requestBody(Random r, byte[] cid) {
    Method method = methods.get(r.nextInt(methods.size()));
    MethodDescriptor m = method.descriptor();
    byte[] body;
    String variant;
    switch (r.nextInt(6)) {
      case 0, 1, 2 -> {
        body = RandomMessages.random(m.getInputType(), r).toByteArray();
        variant = "random message";
      }
      case 3 -> {
        byte[] valid = RandomMessages.random(m.getInputType(), r).toByteArray();
        body = mutate(valid, r);
        variant = "mutated message";
      }
      case 4 -> {
        body = new byte[r.nextInt(100)];
        r.nextBytes(body);
        variant = "random bytes";
      }
      default -> {
        body = new byte[0];
        variant = "empty message";
      }
    }
    String what = method.qualifiedName() + " with a " + variant + " (" + body.length
        + " bytes)";
    byte[] call = IpcFrames.callFrame(cid, 1, method.protocol(), m.getName(), body);
    return new IpcExchange(what, IpcFrames.concat(connected(method.protocol()), call),
        List.of(1), cid, method.qualifiedName() + " " + variant);
  }

  private static byte[] mutate(byte[] b, Random r) {
    if (b.length == 0) {
      return new byte[] {(byte) r.nextInt()};
    }
    switch (r.nextInt(3)) {
      case 0:
        return Arrays.copyOf(b, r.nextInt(b.length));
      case 1: {
        byte[] c = b.clone();
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
          c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return c;
      }
      default: {
        byte[] junk = new byte[1 + r.nextInt(30)];
        r.nextBytes(junk);
        return IpcFrames.concat(b, junk);
      }
    }
  }

  /** Connection header and context of a normal client. */
  private byte[] connected() {
    return connected(IpcFrames.CLIENT_PROTOCOL);
  }

  /** Connection header and context of a normal client of {@code protocol}. */
  private byte[] connected(String protocol) {
    return IpcFrames.concat(IpcFrames.connectionHeader(), IpcFrames.contextFrame(user, protocol));
  }

  private static byte[] getFileInfo(byte[] cid, int callId, String path) {
    return IpcFrames.callFrame(cid, callId, "getFileInfo",
        GetFileInfoRequestProto.newBuilder().setPath(path).build().toByteArray());
  }

  /**
   * Sends the bytes; with call ids to expect, then a probe call, and reads until every one is
   * answered (the probe with SUCCESS); without, half-closes and reads to the close.
   */
  private final class IpcExchange implements FuzzCase {
    private final String what;
    private final byte[] bytes;
    private final List<Integer> answered;
    private final String outcomeKey;

    IpcExchange(String what, byte[] bytes) {
      this(what, bytes, List.of(), IpcFrames.CLIENT_ID, null);
    }

    IpcExchange(String what, byte[] bytes, List<Integer> answered, byte[] cid) {
      this(what, bytes, answered, cid, null);
    }

    IpcExchange(String what, byte[] bytes, List<Integer> answered, byte[] cid,
        String outcomeKey) {
      this.what = what + (cid == IpcFrames.CLIENT_ID ? " (shared client id)" : "");
      this.bytes = answered.isEmpty() ? bytes : IpcFrames.concat(bytes,
          getFileInfo(cid, PROBE_CALL, "/"));
      this.answered = answered;
      this.outcomeKey = outcomeKey;
    }

    @Override public String describe() {
      return what;
    }

    @Override public void run() throws Exception {
      try (Socket s = new Socket()) {
        s.connect(nn, (int) readTimeout.toMillis());
        s.setSoTimeout((int) readTimeout.toMillis());
        boolean reset = false;
        try {
          s.getOutputStream().write(bytes);
          s.getOutputStream().flush();
          if (answered.isEmpty()) {
            s.shutdownOutput();
          }
        } catch (IOException e) {
          reset = true;
        }
        if (answered.isEmpty()) {
          WireExchange.readToEnd(s, reset, readTimeout, MAX_ANSWER);
          return;
        }
        Set<Integer> waiting = new TreeSet<>(answered);
        waiting.add(PROBE_CALL);
        List<Response> got = new ArrayList<>();
        DataInputStream in = new DataInputStream(s.getInputStream());
        while (!waiting.isEmpty()) {
          Response resp;
          try {
            resp = IpcFrames.readResponse(in);
          } catch (SocketTimeoutException e) {
            throw new AssertionError("the NameNode did not answer calls " + waiting + " within "
                + readTimeout.toMillis() + " ms; answers: " + got);
          } catch (EOFException e) {
            throw new AssertionError("the NameNode closed the connection before answering calls "
                + waiting + "; answers: " + got);
          }
          got.add(resp);
          waiting.remove(resp.header().getCallId());
          checkClean(resp);
          if (resp.header().getCallId() == PROBE_CALL) {
            assertEquals(RpcStatusProto.SUCCESS, resp.header().getStatus(),
                "the probe call after the bad one: " + resp);
          } else if (outcomeKey != null) {
            outcomes.computeIfAbsent(outcomeKey + " -> " + outcome(resp),
                k -> new AtomicInteger()).incrementAndGet();
          }
        }
      }
    }
  }

  private static String outcome(Response resp) {
    if (!resp.header().hasExceptionClassName()) {
      return resp.header().getStatus().toString();
    }
    String c = resp.header().getExceptionClassName();
    return resp.header().getStatus() + " " + c.substring(c.lastIndexOf('.') + 1);
  }

  /** Fails on an answer carrying an unchecked exception other than IllegalArgumentException. */
  private static void checkClean(Response resp) {
    if (!resp.header().hasExceptionClassName()) {
      return;
    }
    Class<?> c;
    try {
      c = Class.forName(resp.header().getExceptionClassName(), false,
          IpcCases.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return;
    }
    boolean unclean = Error.class.isAssignableFrom(c)
        || (RuntimeException.class.isAssignableFrom(c)
            && !IllegalArgumentException.class.isAssignableFrom(c));
    if (unclean) {
      throw new AssertionError("the NameNode failed on the request with " + resp);
    }
  }
}
