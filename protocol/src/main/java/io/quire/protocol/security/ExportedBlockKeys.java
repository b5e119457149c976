package io.quire.protocol.security;

import java.util.List;

/**
 * The block keys a NameNode ships to DataNodes (in heartbeat and block-report answers): every
 * key of it that has not expired, including the one it signs with now ({@code currentKeyId})
 * and the next one (shipped a whole key-update interval before it is used, so every DataNode
 * knows a key before any token signed with it arrives). {@link #NONE}: tokens are off.
 */
public record ExportedBlockKeys(int currentKeyId, List<BlockKey> keys) {
  public static final ExportedBlockKeys NONE = new ExportedBlockKeys(0, List.of());

  public ExportedBlockKeys {
    keys = List.copyOf(keys);
  }

  public boolean isEmpty() { return keys.isEmpty(); }
}
