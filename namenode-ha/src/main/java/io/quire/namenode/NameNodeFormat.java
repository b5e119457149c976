package io.quire.namenode;

import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.ha.HaOptions;
import io.quire.namenode.ha.ZkConnection;
import io.quire.namenode.http.ImageServlet;
import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.zk.ZkJournal;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.ops.NamespaceImage;
import io.quire.namenode.security.NameNodeLogin;
import io.quire.namenode.storage.NameNodeStorage;
import io.quire.namenode.storage.StorageAlreadyFormattedException;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.ha.Nameservice;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preparing NameNode storage: {@code -format} (a new cluster: local storage with an empty
 * namespace at txid 0 and, in a nameservice, the shared journal in ZooKeeper) and
 * {@code -bootstrapStandby} (another NameNode of an existing nameservice: the cluster id from
 * ZooKeeper and the latest checkpoint copied from a running NameNode over HTTP, CRC-checked).
 */
public final class NameNodeFormat {
  private static final Logger LOG = LoggerFactory.getLogger(NameNodeFormat.class);
  private static final int HTTP_TIMEOUT_MS = 30_000;

  private NameNodeFormat() {}

  /** See {@link NameNode#format}. */
  static String format(Configuration conf, boolean force) throws IOException {
    Optional<HaOptions> ha = HaOptions.from(conf);
    NameNodeOptions o = NameNodeOptions.from(conf);
    if (ha.isEmpty()) {
      String clusterId = NameNodeStorage.format(o.nameDir(), force);
      saveEmptyImage(o, clusterId, NameNodeLogin.userName(conf, o.rpcAddress()));
      return clusterId;
    }
    HaOptions h = ha.get();
    try (ZkConnection zk = ZkConnection.connect(h.zkQuorum(), h.sessionTimeoutMs())) {
      String existing = ZkJournal.readClusterId(zk.client(), h.nameserviceZnode());
      if (existing != null && !force) {
        throw new StorageAlreadyFormattedException("Refusing to format: nameservice "
            + h.nameservice().name() + " is already formatted in ZooKeeper ("
            + h.nameserviceZnode() + ", cluster id " + existing + "). Run `quire namenode"
            + " -bootstrapStandby` on this NameNode to join it, or -format -force to erase it.");
      }
      String clusterId = NameNodeStorage.format(o.nameDir(), force);
      saveEmptyImage(o, clusterId, NameNodeLogin.userName(conf, o.rpcAddress()));
      ZkJournal.format(zk.client(), h.nameserviceZnode(), clusterId, force);
      LOG.info("Formatted nameservice {} (cluster id {}) in ZooKeeper at {}",
          h.nameservice().name(), clusterId, h.nameserviceZnode());
      return clusterId;
    }
  }

  /** @param fsOwner the NameNode's user, owner of the root directory */
  private static void saveEmptyImage(NameNodeOptions o, String clusterId, String fsOwner)
      throws IOException {
    try (NameNodeStorage s = NameNodeStorage.open(o.nameDir())) {
      Namesystem ns = new Namesystem(o, clusterId, new CallerResolver(fsOwner, o.superGroup()),
          System::currentTimeMillis);
      s.getCheckpointStore().saveAndSync(0, out -> NamespaceImage.write(ns.getState(), out));
    }
  }

  /**
   * Prepares this NameNode's storage to join the running nameservice: the nameservice's
   * cluster id and the latest checkpoint of another NameNode; returns the checkpoint's txid.
   * The shared journal must still hold every record after it.
   *
   * @throws IOException naming what failed (no other NameNode reachable, a damaged transfer,
   *     a checkpoint older than the journal)
   */
  public static long bootstrapStandby(Configuration conf, boolean force) throws IOException {
    HaOptions h = HaOptions.from(conf).orElseThrow(() -> new IOException(
        "-bootstrapStandby: this NameNode is not part of a nameservice ("
            + QuireConfigKeys.NAMESERVICES_KEY + " is not set)"));
    Configuration own = new Configuration(conf);
    own.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, hostPort(h.self().rpc()));
    NameNodeOptions o = NameNodeOptions.from(own);
    try (ZkConnection zk = ZkConnection.connect(h.zkQuorum(), h.sessionTimeoutMs())) {
      String clusterId = ZkJournal.readClusterId(zk.client(), h.nameserviceZnode());
      if (clusterId == null) {
        throw new IOException("-bootstrapStandby: nameservice " + h.nameservice().name()
            + " is not formatted in ZooKeeper (" + h.nameserviceZnode() + "); run `quire"
            + " namenode -format` on one NameNode first");
      }
      List<String> failures = new ArrayList<>();
      for (Nameservice.Member m : h.nameservice().nameNodes()) {
        if (m.id().equals(h.selfId())) {
          continue;
        }
        InetSocketAddress http = m.http() != null ? m.http()
            : new InetSocketAddress(m.rpc().getHostString(),
                QuireConfigKeys.NAMENODE_HTTP_PORT_DEFAULT);
        try {
          long txId = copyCheckpoint(http, clusterId, o, force);
          ZkJournal journal = new ZkJournal(zk.client(), h.nameserviceZnode(), h.selfId(),
              h.journalOptions());
          try (JournalReader r = journal.readFrom(txId + 1)) {
            r.next(); // throws TxIdNotRetainedException when the journal moved on
          }
          LOG.info("Bootstrapped NameNode {} from {} ({}): checkpoint at txid {}",
              h.selfId(), m.id(), http, txId);
          return txId;
        } catch (StorageAlreadyFormattedException e) {
          throw e;
        } catch (IOException e) {
          failures.add(m.id() + " (" + http + "): " + e.getMessage());
        }
      }
      throw new IOException("-bootstrapStandby: no other NameNode gave a usable checkpoint: "
          + String.join("; ", failures));
    }
  }

  private static long copyCheckpoint(InetSocketAddress http, String clusterId,
      NameNodeOptions o, boolean force) throws IOException {
    URL url = new URL("http://" + hostPort(http) + ImageServlet.PATH);
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    c.setConnectTimeout(HTTP_TIMEOUT_MS);
    c.setReadTimeout(HTTP_TIMEOUT_MS);
    try {
      if (c.getResponseCode() != 200) {
        throw new IOException("GET " + url + " answered " + c.getResponseCode() + " "
            + c.getResponseMessage());
      }
      String theirs = c.getHeaderField(ImageServlet.CLUSTER_HEADER);
      if (!clusterId.equals(theirs)) {
        throw new IOException("GET " + url + ": that NameNode serves cluster " + theirs
            + " but the nameservice is cluster " + clusterId);
      }
      long txId = Long.parseLong(c.getHeaderField(ImageServlet.TXID_HEADER));
      NameNodeStorage.format(o.nameDir(), force, clusterId);
      try (NameNodeStorage s = NameNodeStorage.open(o.nameDir());
           InputStream in = c.getInputStream()) {
        s.getCheckpointStore().installAndSync(txId, in);
      }
      return txId;
    } finally {
      c.disconnect();
    }
  }

  private static String hostPort(InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }
}
