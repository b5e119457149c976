package io.quire.bench.limits;

import io.quire.bench.history.Limit;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.thirdparty.protobuf.BlockingService;
import org.apache.hadoop.tools.proto.GetUserMappingsProtocolProtos.GetGroupsForUserRequestProto;
import org.apache.hadoop.tools.proto.GetUserMappingsProtocolProtos.GetGroupsForUserResponseProto;
import org.apache.hadoop.tools.proto.GetUserMappingsProtocolProtos.GetUserMappingsProtocolService;

/**
 * Hadoop IPC echo rate: a protobuf RPC server (ProtobufRpcEngine2, 16 handlers, as Quire's
 * NameNode has) and its client in this JVM on loopback, calls per second from 1, 8 and 32
 * client threads sharing one proxy (one connection, as a FileSystem client has). A NameNode
 * call does at least this much; a mutation also waits for its journal sync.
 */
public final class IpcEchoLimit {
  public static final String NAME_1 = "Hadoop IPC echo, 1 thread";
  public static final String NAME_8 = "Hadoop IPC echo, 8 threads";
  public static final String NAME_32 = "Hadoop IPC echo, 32 threads";

  private IpcEchoLimit() {}

  public static List<Limit> measure(long millis) throws Exception {
    Configuration conf = new Configuration();
    RPC.setProtocolEngine(conf, EchoProtocolPB.class, ProtobufRpcEngine2.class);
    BlockingService service = GetUserMappingsProtocolService.newReflectiveBlockingService(
        (EchoProtocolPB) (controller, request) -> GetGroupsForUserResponseProto.newBuilder()
            .addGroups(request.getUser()).build());
    RPC.Server server = new RPC.Builder(conf).setProtocol(EchoProtocolPB.class)
        .setInstance(service).setBindAddress("127.0.0.1").setPort(0).setNumHandlers(16)
        .setVerbose(false).build();
    server.start();
    EchoProtocolPB proxy = null;
    try {
      InetSocketAddress addr = server.getListenerAddress();
      proxy = RPC.getProxy(EchoProtocolPB.class, RPC.getProtocolVersion(EchoProtocolPB.class),
          addr, conf);
      double one = rate(proxy, 1, millis);
      double eight = rate(proxy, 8, millis);
      double many = rate(proxy, 32, millis);
      String how = "protobuf RPC (ProtobufRpcEngine2) in this JVM on 127.0.0.1, 16 handlers, "
          + "one proxy, a one-string request echoed";
      return List.of(new Limit(NAME_1, "calls/s", one, how),
          new Limit(NAME_8, "calls/s", eight, how), new Limit(NAME_32, "calls/s", many, how));
    } finally {
      if (proxy != null) {
        RPC.stopProxy(proxy);
      }
      server.stop();
    }
  }

  private static double rate(EchoProtocolPB proxy, int threads, long millis) throws Exception {
    GetGroupsForUserRequestProto req =
        GetGroupsForUserRequestProto.newBuilder().setUser("echo").build();
    long warmUntil = System.nanoTime() + millis * 500_000L; // half the time, JIT warm-up
    while (System.nanoTime() < warmUntil) {
      proxy.getGroupsForUser(null, req);
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong calls = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        fs.add(pool.submit(() -> {
          long n = 0;
          while (!stop.get()) {
            proxy.getGroupsForUser(null, req);
            n++;
          }
          calls.addAndGet(n);
          return null;
        }));
      }
      Thread.sleep(millis);
      stop.set(true);
      for (Future<?> f : fs) {
        f.get();
      }
      return calls.get() / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
