package io.quire.namenode.journal.zk;

import io.quire.namenode.storage.UnformattedStorageException;
import io.quire.protocol.exceptions.FencedException;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Promising an epoch on the epoch znode, the first step of opening the journal for writing:
 * read the znode with its Stat, refuse an epoch not above the stored one, then a conditional
 * setData at the version read. The version that setData produced is what every batch multi of
 * the new writer checks, so any later promise fences it.
 *
 * <p>A lost reply: after ConnectionLoss the same conditional setData is sent again once the
 * client is connected (within the session timeout). If the first one had landed, the retry
 * (like a retry inside Curator) fails with BadVersion, and a BadVersion is resolved by reading
 * the znode back: our exact data at the read version plus one is our promise; anything else
 * is a newer promise, so we are fenced.
 */
final class ZkEpochPromise {
  private ZkEpochPromise() {}

  /**
   * When this returns, {@code epoch} of {@code writerId} is the promise in ZooKeeper; returns
   * the epoch znode's version after the promise.
   *
   * @throws FencedException if an epoch >= {@code epoch} was promised, or a concurrent promise
   *     won
   */
  static int promise(CuratorFramework client, ZkLayout layout, long epoch, String writerId)
      throws IOException {
    String path = layout.epoch();
    byte[] ours = new ZkEpoch(epoch, writerId).encode();
    try {
      Stat read = new Stat();
      byte[] data = ZkCalls.getDataOrNull(client, path, read);
      if (data == null) {
        throw new UnformattedStorageException("ZooKeeper journal " + layout.root()
            + " is not formatted (no epoch znode " + path + ")");
      }
      ZkEpoch stored = ZkEpoch.decode(path, data);
      if (epoch <= stored.epoch()) {
        throw new FencedException("Cannot open ZooKeeper journal " + layout.root()
            + " for writing with epoch " + epoch + ": " + stored + " was already promised");
      }
      long deadline = 0;
      while (true) {
        try {
          return client.setData().withVersion(read.getVersion()).forPath(path, ours)
              .getVersion();
        } catch (KeeperException.BadVersionException e) {
          return readBack(client, layout, epoch, ours, read.getVersion());
        } catch (Exception e) {
          if (!ZkCalls.outcomeUnknown(e)) {
            throw e;
          }
          if (deadline == 0) {
            deadline = System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(ZkCalls.sessionTimeoutMs(client));
          }
          ZkCalls.awaitReconnect(client, deadline, "promise of epoch " + epoch
              + " on " + path + " has an unknown outcome");
        }
      }
    } catch (Exception e) {
      throw ZkCalls.io("promise epoch " + epoch, path, e);
    }
  }

  /** After BadVersion: our version if our promise landed earlier, else FencedException. */
  private static int readBack(CuratorFramework client, ZkLayout layout, long epoch, byte[] ours,
      int readVersion) throws Exception {
    Stat now = new Stat();
    byte[] data = ZkCalls.getDataOrNull(client, layout.epoch(), now);
    if (data != null && Arrays.equals(data, ours) && now.getVersion() == readVersion + 1) {
      return now.getVersion();
    }
    throw new FencedException("Cannot open ZooKeeper journal " + layout.root()
        + " for writing with epoch " + epoch + ": the epoch znode changed meanwhile, now "
        + (data == null ? "missing" : ZkEpoch.decode(layout.epoch(), data).toString()));
  }
}
