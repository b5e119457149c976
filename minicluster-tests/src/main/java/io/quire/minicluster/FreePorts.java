package io.quire.minicluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Random;

/** Ports for nodes that must know theirs before they start (forked nodes, HA addresses). */
final class FreePorts {
  private static final Random PORTS = new Random();

  private FreePorts() {}

  /**
   * A port to bind later: random, below the kernel's ephemeral range (where no outgoing
   * connection can take it meanwhile, as happens to a port that {@code new ServerSocket(0)}
   * handed out and closed), and bindable now.
   */
  static int freePort() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 10_000 + PORTS.nextInt(20_000);
      try (ServerSocket s = new ServerSocket(port)) {
        return s.getLocalPort();
      } catch (IOException inUse) {
        // try another
      }
    }
    throw new IOException("mini cluster: no free port found in 10000-29999");
  }
}
