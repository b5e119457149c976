package io.quire.datanode.security;

import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.security.BlockTokenSecretManager;
import io.quire.protocol.security.ExportedBlockKeys;
import io.quire.protocol.security.InvalidBlockTokenException;
import java.util.EnumSet;
import java.util.function.LongSupplier;
import org.apache.hadoop.security.token.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DataNode's block access tokens: the keys of every NameNode it reports to (learnt from their
 * heartbeat and block-report answers, kept until they expire, so a token signed by a NameNode
 * that has since restarted or lost the election stays valid), the check of each data-transfer
 * request, and the tokens this DataNode mints for its own requests to other DataNodes (COPY for
 * re-replication, REPLACE for block recovery), as HDFS DataNodes do: every DataNode holds the
 * same keys, so the receiver can check them. Minted with the key a NameNode most recently
 * named current, which every DataNode learnt a key-update interval earlier as the next key.
 * When disabled ({@code quire.block.access.token.enable=false}) nothing is checked and
 * requests carry no token.
 */
public final class BlockTokens {
  private static final Logger LOG = LoggerFactory.getLogger(BlockTokens.class);
  /** Lifetime of tokens a DataNode mints for itself (one transfer or recovery). */
  public static final long MINTED_LIFETIME_MS = 10 * 60 * 1000L;

  private final boolean enabled;
  private final BlockTokenSecretManager keys;
  private volatile int mintKeyId;
  private volatile boolean haveMintKey;

  public BlockTokens(boolean enabled, LongSupplier clock) {
    this.enabled = enabled;
    this.keys = new BlockTokenSecretManager(clock);
  }

  /** Checks nothing, mints nothing. */
  public static BlockTokens disabled() {
    return new BlockTokens(false, System::currentTimeMillis);
  }

  public boolean isEnabled() { return enabled; }

  /** Takes the keys one NameNode sent (ignored when disabled or empty). */
  public void addKeys(ExportedBlockKeys exported, Object from) {
    if (!enabled) {
      return;
    }
    if (exported.isEmpty()) {
      LOG.debug("NameNode {} sent no block keys (are its block access tokens off?)", from);
      return;
    }
    boolean isNew = !keys.hasKey(exported.currentKeyId());
    keys.addKeys(exported);
    if (keys.hasKey(exported.currentKeyId())) {
      mintKeyId = exported.currentKeyId();
      haveMintKey = true;
    }
    if (isNew) {
      LOG.info("Block keys from NameNode {}: current key {}, {} keys held", from,
          exported.currentKeyId(), keys.keyCount());
    }
  }

  /**
   * Checks that {@code token} allows {@code mode} on {@code blockId}; nothing when disabled.
   *
   * @param what the op and block, for the message
   */
  public void check(Token<BlockTokenIdentifier> token, long blockId, BlockAccessMode mode,
      String what) throws InvalidBlockTokenException {
    if (enabled) {
      keys.checkAccess(token, blockId, mode, what);
    }
  }

  /** A token of this DataNode for {@code mode} on {@code blockId}; null when disabled. */
  public Token<BlockTokenIdentifier> mint(long blockId, BlockAccessMode mode)
      throws InvalidBlockTokenException {
    if (!enabled) {
      return null;
    }
    int keyId = mintKeyId;
    if (!haveMintKey || !keys.hasKey(keyId)) {
      throw new InvalidBlockTokenException(mode + " blk_" + blockId + ": no block key from any"
          + " NameNode yet to sign a token with");
    }
    return keys.sign(new BlockTokenIdentifier("datanode", blockId, EnumSet.of(mode), keyId,
        keys.now() + MINTED_LIFETIME_MS));
  }

  /** Whether key {@code keyId} is held (tests). */
  public boolean hasKey(int keyId) { return keys.hasKey(keyId); }
}
