package io.quire.datanode.transfer;

import io.quire.datanode.conf.DataNodeOptions;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Status;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.service.AbstractService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DataNode's TCP data-transfer server: an accept loop handing each connection to a
 * {@link DataXceiver} on a bounded pool. A connection beyond
 * {@code quire.datanode.transfer.threads} gets an ERROR response and is closed, by one
 * refuser thread that spends at most {@link TransferSockets#REFUSAL_DEADLINE_MS} on each (a
 * peer that reads or writes slowly cannot hold it); when that thread is backed up, further
 * connections are closed without an answer.
 */
public final class DataTransferServer extends AbstractService {
  private static final Logger LOG = LoggerFactory.getLogger(DataTransferServer.class);

  private final TransferContext ctx;
  private ServerSocket serverSocket;
  private ThreadPoolExecutor pool;
  private Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  /** Answers refused connections off the accept thread; when it is backed up, just close. */
  private final ThreadPoolExecutor refuser = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(64), r -> {
        Thread t = new Thread(r, "DataTransferRefuser");
        t.setDaemon(true);
        return t;
      });

  public DataTransferServer(TransferContext ctx) {
    super("DataTransferServer");
    this.ctx = ctx;
  }

  @Override protected void serviceStart() throws Exception {
    DataNodeOptions o = ctx.getOptions();
    // a channel-backed server socket, so accepted sockets have channels for zero-copy reads
    serverSocket = ServerSocketChannel.open().socket();
    serverSocket.setReuseAddress(true);
    serverSocket.setReceiveBufferSize(o.socketBufferSize());
    serverSocket.bind(o.bindAddress(), 128);
    AtomicInteger n = new AtomicInteger();
    pool = new ThreadPoolExecutor(0, o.transferThreads(), 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "DataXceiver-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    acceptor = new Thread(this::acceptLoop, "DataTransferAcceptor-" + getAddress().getPort());
    acceptor.setDaemon(true);
    acceptor.start();
    LOG.info("Data-transfer server listening on {}", getAddress());
  }

  /** The bound address (after start). */
  public InetSocketAddress getAddress() {
    return (InetSocketAddress) serverSocket.getLocalSocketAddress();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      Socket s;
      try {
        s = serverSocket.accept();
      } catch (IOException e) {
        if (!serverSocket.isClosed()) {
          LOG.warn("Data-transfer accept failed: {}", e.toString());
        }
        continue;
      }
      open.add(s);
      try {
        pool.execute(() -> {
          try {
            new DataXceiver(ctx, s).run();
          } finally {
            open.remove(s);
          }
        });
      } catch (RejectedExecutionException e) {
        open.remove(s);
        try {
          refuser.execute(() -> refuse(s));
        } catch (RejectedExecutionException tooMany) {
          IOUtils.closeSocket(s);
        }
      }
    }
  }

  private void refuse(Socket s) {
    LOG.warn("Refusing data-transfer connection from {}: {} transfers already running",
        s.getRemoteSocketAddress(), ctx.getOptions().transferThreads());
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      OpResponse.error(Status.ERROR, "DataNode busy: " + ctx.getOptions().transferThreads()
          + " concurrent transfers already running; retry later").write(new DataOutputStream(b));
      TransferSockets.refuse(s, b.toByteArray());
    } catch (IOException ignored) {
      // the peer is gone, or too slow for the refusal deadline
    } finally {
      IOUtils.closeSocket(s);
    }
  }

  @Override protected void serviceStop() throws Exception {
    if (serverSocket != null) {
      serverSocket.close();
    }
    if (acceptor != null) {
      acceptor.join(5000);
    }
    for (Socket s : open) {
      TransferSockets.abort(s);
    }
    refuser.shutdownNow();
    if (pool != null) {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
