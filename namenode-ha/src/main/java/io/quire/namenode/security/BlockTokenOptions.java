package io.quire.namenode.security;

import static io.quire.namenode.conf.NameNodeConfigKeys.BLOCK_ACCESS_KEY_UPDATE_INTERVAL_DEFAULT;
import static io.quire.namenode.conf.NameNodeConfigKeys.BLOCK_ACCESS_KEY_UPDATE_INTERVAL_KEY;
import static io.quire.namenode.conf.NameNodeConfigKeys.BLOCK_ACCESS_TOKEN_LIFETIME_DEFAULT;
import static io.quire.namenode.conf.NameNodeConfigKeys.BLOCK_ACCESS_TOKEN_LIFETIME_KEY;

import io.quire.protocol.QuireConfigKeys;
import org.apache.hadoop.conf.Configuration;

/**
 * Block access token settings of a NameNode, read once: whether tokens are issued
 * ({@code quire.block.access.token.enable}), how often a new key is made, how long a token
 * lives. Immutable.
 */
public record BlockTokenOptions(boolean enabled, long keyUpdateIntervalMs, long tokenLifetimeMs) {
  public BlockTokenOptions {
    if (keyUpdateIntervalMs <= 0) {
      throw new IllegalArgumentException(BLOCK_ACCESS_KEY_UPDATE_INTERVAL_KEY + " = "
          + keyUpdateIntervalMs + ": must be positive");
    }
    if (tokenLifetimeMs <= 0) {
      throw new IllegalArgumentException(BLOCK_ACCESS_TOKEN_LIFETIME_KEY + " = "
          + tokenLifetimeMs + ": must be positive");
    }
  }

  public static BlockTokenOptions from(Configuration c) {
    return new BlockTokenOptions(
        c.getBoolean(QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY,
            QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_DEFAULT),
        c.getLong(BLOCK_ACCESS_KEY_UPDATE_INTERVAL_KEY, BLOCK_ACCESS_KEY_UPDATE_INTERVAL_DEFAULT),
        c.getLong(BLOCK_ACCESS_TOKEN_LIFETIME_KEY, BLOCK_ACCESS_TOKEN_LIFETIME_DEFAULT));
  }
}
