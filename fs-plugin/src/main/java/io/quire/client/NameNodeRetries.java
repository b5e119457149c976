package io.quire.client;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.NotReplicatedYetException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;

/**
 * The two NameNode calls a writer repeats with back-off because the answer depends on
 * DataNodes reporting replicas: addBlock (NotReplicatedYetException) and complete (false).
 * Network failures and failover are the RetryProxy's business, not this class's.
 */
final class NameNodeRetries {
  private static final long MAX_DELAY_MS = 2_000;

  private NameNodeRetries() {}

  /** addBlock, retried while the previous block is not yet replicated enough. */
  static LocatedBlock addBlock(ClientProtocol nn, ClientOptions o, String path, long fileId,
      String clientName, Block previous, List<String> excluded, String clientHost)
      throws IOException {
    long delay = o.retryInitialDelayMs();
    for (int attempt = 1; ; attempt++) {
      try {
        return nn.addBlock(path, fileId, clientName, previous, excluded, clientHost);
      } catch (NotReplicatedYetException e) {
        if (attempt >= o.addBlockRetries()) {
          throw new NotReplicatedYetException("addBlock " + path + " after " + previous
              + ": still not replicated after " + attempt + " attempts", e);
        }
        delay = sleep(delay, "addBlock " + path);
      }
    }
  }

  /** complete, retried while the last block lacks its minimum replicas. */
  static void complete(ClientProtocol nn, ClientOptions o, String path, long fileId,
      String clientName, Block last) throws IOException {
    long delay = o.retryInitialDelayMs();
    for (int attempt = 1; ; attempt++) {
      if (nn.complete(path, fileId, clientName, last)) {
        return;
      }
      if (attempt >= o.completeRetries()) {
        throw new IOException("complete " + path + ": last block " + last
            + " still lacks its minimum replicas after " + attempt + " attempts");
      }
      delay = sleep(delay, "complete " + path);
    }
  }

  private static long sleep(long delay, String what) throws InterruptedIOException {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(what + ": interrupted during back-off");
    }
    return Math.min(delay * 2, MAX_DELAY_MS);
  }
}
