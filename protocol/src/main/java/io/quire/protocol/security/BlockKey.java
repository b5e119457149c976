package io.quire.protocol.security;

import java.util.Arrays;

/**
 * One HMAC key of a NameNode: its id, when it expires (ms since the epoch; no token signed
 * with it is valid after) and its secret. {@link #toString} never shows the secret.
 */
public final class BlockKey {
  private final int keyId;
  private final long expiryDate;
  private final byte[] secret;

  public BlockKey(int keyId, long expiryDate, byte[] secret) {
    this.keyId = keyId;
    this.expiryDate = expiryDate;
    this.secret = secret.clone();
  }

  public int getKeyId() { return keyId; }
  public long getExpiryDate() { return expiryDate; }
  public byte[] getSecret() { return secret.clone(); }

  @Override public boolean equals(Object o) {
    return o instanceof BlockKey k && k.keyId == keyId && k.expiryDate == expiryDate
        && Arrays.equals(k.secret, secret);
  }

  @Override public int hashCode() { return Integer.hashCode(keyId); }

  @Override public String toString() {
    return "key " + keyId + " (expires " + expiryDate + ")";
  }
}
