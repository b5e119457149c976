package io.quire.namenode.security;

import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.security.BlockKey;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.security.BlockTokenSecretManager;
import io.quire.protocol.security.ExportedBlockKeys;
import java.security.SecureRandom;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.hadoop.security.token.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NameNode's block keys and the tokens it signs with them (HDFS's BlockTokenSecretManager on
 * the NameNode side).
 *
 * <p>Keys: a <em>current</em> key signs; a <em>next</em> key is already shipped to DataNodes;
 * every {@code keyUpdateInterval} the next key becomes current and a new next key is made, so
 * a DataNode knows a key one interval before any token signed with it reaches it. A key
 * expires {@code tokenLifetime} after it stops being current (no token it signed is valid
 * later) and is then dropped. Rotation happens on the first use after it is due (heartbeats
 * use the keys every few seconds); time comes from the clock passed in.
 *
 * <p>Key ids: {@code nameNodeIndex << 24 | serial} (serial 24 bits, starting at random), the
 * index being this NameNode's position in its nameservice (0 for a single NameNode). The
 * NameNodes of a nameservice thus never reuse each other's ids, and a DataNode holds all their
 * keys side by side. Keys are per-NameNode secrets, never journaled: each NameNode (active or
 * standby) ships its own to every DataNode, so after a failover the new active's keys are
 * already known and tokens of the old active stay valid until they expire.
 */
public final class BlockKeyManager {
  private static final Logger LOG = LoggerFactory.getLogger(BlockKeyManager.class);
  /** Largest NameNode index a key id can carry. */
  public static final int MAX_NAMENODE_INDEX = 127;
  private static final int SERIAL_MASK = (1 << 24) - 1;

  private final BlockTokenOptions options;
  private final int nameNodeIndex;
  private final BlockTokenSecretManager keys;
  private int serial;
  private BlockKey current;
  private BlockKey next;
  private long nextUpdate;

  public BlockKeyManager(BlockTokenOptions options, int nameNodeIndex, LongSupplier clock) {
    if (nameNodeIndex < 0 || nameNodeIndex > MAX_NAMENODE_INDEX) {
      throw new IllegalArgumentException("NameNode index " + nameNodeIndex + " out of 0.."
          + MAX_NAMENODE_INDEX);
    }
    this.options = options;
    this.nameNodeIndex = nameNodeIndex;
    this.keys = new BlockTokenSecretManager(clock);
    this.serial = new SecureRandom().nextInt(SERIAL_MASK + 1);
    if (options.enabled()) {
      startKeys(keys.now());
    }
  }

  public boolean isEnabled() { return options.enabled(); }

  /** The id range of this NameNode's keys: ids whose top byte is this. */
  public int getNameNodeIndex() { return nameNodeIndex; }

  /**
   * A token granting {@code modes} on block {@code blockId} for {@code tokenLifetime}, signed
   * with the current key; an empty token when tokens are off.
   */
  public Token<BlockTokenIdentifier> generateToken(String user, long blockId,
      Set<BlockAccessMode> modes) {
    if (!options.enabled()) {
      return new Token<>();
    }
    BlockKey k = currentKey();
    return keys.sign(new BlockTokenIdentifier(user, blockId, modes, k.getKeyId(),
        keys.now() + options.tokenLifetimeMs()));
  }

  /** Every key DataNodes must hold now ({@link ExportedBlockKeys#NONE} when tokens are off). */
  public ExportedBlockKeys exportKeys() {
    if (!options.enabled()) {
      return ExportedBlockKeys.NONE;
    }
    synchronized (this) {
      rotateIfDue();
      return new ExportedBlockKeys(current.getKeyId(), keys.keys());
    }
  }

  private synchronized BlockKey currentKey() {
    rotateIfDue();
    return current;
  }

  private void startKeys(long now) {
    long interval = options.keyUpdateIntervalMs();
    current = newKey(now + interval + options.tokenLifetimeMs());
    next = newKey(now + 2 * interval + options.tokenLifetimeMs());
    nextUpdate = now + interval;
  }

  private void rotateIfDue() {
    long now = keys.now();
    if (now < nextUpdate) {
      return;
    }
    long interval = options.keyUpdateIntervalMs();
    if (now >= nextUpdate + interval) {
      startKeys(now); // idle for more than an interval: the next key is stale too
    } else {
      current = next;
      next = newKey(nextUpdate + 2 * interval + options.tokenLifetimeMs());
      nextUpdate += interval;
    }
    keys.removeExpired();
    LOG.info("Block keys rotated: signing with key {}, next key {}, {} keys held",
        current.getKeyId(), next.getKeyId(), keys.keyCount());
  }

  private BlockKey newKey(long expiry) {
    serial = (serial + 1) & SERIAL_MASK;
    BlockKey k = new BlockKey((nameNodeIndex << 24) | serial, expiry, keys.newSecret());
    keys.addKey(k);
    return k;
  }
}
