package io.quire.protocol.security;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.apache.hadoop.security.token.SecretManager;
import org.apache.hadoop.security.token.Token;

/**
 * Signs and checks block access tokens with a set of {@link BlockKey}s: the password of a token
 * is Hadoop's {@link SecretManager#createPassword(byte[], SecretKey)} (HMAC) of its identifier
 * bytes under the key named by the identifier's key id. The NameNode signs with its own keys;
 * a DataNode holds the keys of every NameNode it reports to (key ids do not overlap, see
 * {@code BlockKeyManager}) and accepts a token signed with any of them. Keys are dropped once
 * expired. Thread-safe. Nothing here logs or prints a secret.
 */
public class BlockTokenSecretManager extends SecretManager<BlockTokenIdentifier> {
  private record Entry(BlockKey key, SecretKey secret) {}

  private final LongSupplier clock;
  private final Map<Integer, Entry> keys = new ConcurrentHashMap<>();

  /** @param clock ms since the epoch (tests move it) */
  public BlockTokenSecretManager(LongSupplier clock) {
    this.clock = clock;
  }

  public long now() { return clock.getAsLong(); }

  /** Adds (or replaces, by id) {@code k}. */
  public void addKey(BlockKey k) {
    keys.put(k.getKeyId(), new Entry(k, createSecretKey(k.getSecret())));
  }

  /** Adds every key of {@code exported} and drops the expired ones. */
  public void addKeys(ExportedBlockKeys exported) {
    exported.keys().forEach(this::addKey);
    removeExpired();
  }

  /** Drops keys whose expiry date has passed. */
  public void removeExpired() {
    long now = now();
    keys.values().removeIf(e -> e.key().getExpiryDate() < now);
  }

  /** Whether key {@code keyId} is held (and not yet dropped). */
  public boolean hasKey(int keyId) { return keys.containsKey(keyId); }

  /** The keys held, in no particular order. */
  public java.util.List<BlockKey> keys() {
    return keys.values().stream().map(Entry::key).toList();
  }

  /** A new random secret for a block key (Hadoop's HMAC key generator). */
  public byte[] newSecret() {
    return generateSecret().getEncoded();
  }

  /** Number of keys held. */
  public int keyCount() { return keys.size(); }

  /** A token for {@code id}, signed with the key it names (which must be held). */
  public Token<BlockTokenIdentifier> sign(BlockTokenIdentifier id) {
    return new Token<>(id.getBytes(), createPassword(id), BlockTokenIdentifier.KIND,
        new org.apache.hadoop.io.Text());
  }

  @Override protected byte[] createPassword(BlockTokenIdentifier id) {
    Entry e = keys.get(id.getKeyId());
    if (e == null) {
      throw new IllegalStateException("no block key " + id.getKeyId() + " to sign " + id);
    }
    return createPassword(id.getBytes(), e.secret());
  }

  @Override public byte[] retrievePassword(BlockTokenIdentifier id) throws InvalidToken {
    Entry e = keys.get(id.getKeyId());
    if (e == null) {
      throw new InvalidToken("block key " + id.getKeyId() + " unknown or expired");
    }
    return createPassword(id.getBytes(), e.secret());
  }

  @Override public BlockTokenIdentifier createIdentifier() {
    return new BlockTokenIdentifier();
  }

  /**
   * Checks that {@code token} lets its bearer do {@code mode} on block {@code blockId}: a
   * well-formed identifier for that block, not expired, signed with a held key, granting the
   * mode. Returns the identifier.
   *
   * @param what the operation and block, for the message (e.g. "READ_BLOCK blk_1_1")
   * @throws InvalidBlockTokenException naming {@code what} and the reason
   */
  public BlockTokenIdentifier checkAccess(Token<BlockTokenIdentifier> token, long blockId,
      BlockAccessMode mode, String what) throws InvalidBlockTokenException {
    if (token == null || token.getIdentifier().length == 0) {
      throw new InvalidBlockTokenException(what + ": no block access token");
    }
    BlockTokenIdentifier id;
    try {
      id = BlockTokenIdentifier.decode(token.getIdentifier());
    } catch (IOException e) {
      throw new InvalidBlockTokenException(what + ": malformed block access token: "
          + e.getMessage());
    }
    if (id.getBlockId() != blockId) {
      throw new InvalidBlockTokenException(what + ": block access token is for blk_"
          + id.getBlockId() + ", not blk_" + blockId);
    }
    long now = now();
    if (id.getExpiryDate() < now) {
      throw new InvalidBlockTokenException(what + ": block access token expired at "
          + id.getExpiryDate() + " (now " + now + ")");
    }
    byte[] expected;
    try {
      expected = retrievePassword(id);
    } catch (InvalidToken e) {
      throw new InvalidBlockTokenException(what + ": " + e.getMessage());
    }
    if (!MessageDigest.isEqual(expected, token.getPassword())) {
      throw new InvalidBlockTokenException(what + ": block access token signature does not"
          + " match key " + id.getKeyId());
    }
    Set<BlockAccessMode> modes = id.getModes();
    if (!modes.contains(mode)) {
      throw new InvalidBlockTokenException(what + ": block access token grants " + modes
          + ", not " + mode);
    }
    return id;
  }
}
