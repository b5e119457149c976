package io.quire.namenode.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.protocol.security.BlockAccessMode;
import io.quire.protocol.security.BlockKey;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.security.BlockTokenSecretManager;
import io.quire.protocol.security.ExportedBlockKeys;
import io.quire.protocol.security.InvalidBlockTokenException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.hadoop.security.token.Token;
import org.junit.jupiter.api.Test;

/** Key rotation, key lifetimes, disjoint key ids per NameNode, and tokens off. */
class BlockKeyManagerTest {
  private static final long INTERVAL = 1000;
  private static final long LIFETIME = 3000;
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final BlockTokenOptions on = new BlockTokenOptions(true, INTERVAL, LIFETIME);

  private static Set<Integer> ids(ExportedBlockKeys k) {
    return k.keys().stream().map(BlockKey::getKeyId).collect(Collectors.toSet());
  }

  /** A DataNode's view: keys from every export so far. */
  private final BlockTokenSecretManager dataNode = new BlockTokenSecretManager(now::get);

  private void check(Token<BlockTokenIdentifier> t, long blockId) throws Exception {
    dataNode.checkAccess(t, blockId, BlockAccessMode.READ, "READ_BLOCK blk_" + blockId);
  }

  @Test
  void keysRotateAndAnOldTokenStaysValidUntilItExpires() throws Exception {
    BlockKeyManager m = new BlockKeyManager(on, 1, now::get);
    ExportedBlockKeys first = m.exportKeys();
    assertEquals(2, first.keys().size(), "current and next");
    dataNode.addKeys(first);
    Token<BlockTokenIdentifier> old = m.generateToken("alice", 7, EnumSet.of(BlockAccessMode.READ));
    int oldKey = BlockTokenIdentifier.decode(old.getIdentifier()).getKeyId();
    assertEquals(first.currentKeyId(), oldKey);
    check(old, 7);

    now.addAndGet(INTERVAL); // rotation: the former next key signs now, already known
    Token<BlockTokenIdentifier> fresh = m.generateToken("alice", 7,
        EnumSet.of(BlockAccessMode.READ));
    int freshKey = BlockTokenIdentifier.decode(fresh.getIdentifier()).getKeyId();
    assertNotEquals(oldKey, freshKey);
    assertTrue(ids(first).contains(freshKey), "signed with a key shipped one interval earlier");
    check(fresh, 7);
    ExportedBlockKeys second = m.exportKeys();
    assertEquals(freshKey, second.currentKeyId());
    assertEquals(3, second.keys().size(), "old, current, next");
    dataNode.addKeys(second);
    check(old, 7);

    now.addAndGet(LIFETIME - INTERVAL); // the old token's last millisecond
    check(old, 7);
    now.addAndGet(1);
    assertThrows(InvalidBlockTokenException.class, () -> check(old, 7));
    assertTrue(ids(m.exportKeys()).contains(oldKey), "its key lives a lifetime after signing");
    now.addAndGet(INTERVAL);
    dataNode.addKeys(m.exportKeys());
    assertFalse(ids(m.exportKeys()).contains(oldKey), "the old key is dropped once expired");
    assertFalse(dataNode.hasKey(oldKey));
  }

  @Test
  void tokensLiveTheirLifetimeAndNoLongerThanTheirKey() throws Exception {
    BlockKeyManager m = new BlockKeyManager(on, 0, now::get);
    for (int i = 0; i < 5; i++) {
      Token<BlockTokenIdentifier> t = m.generateToken("", 1, EnumSet.of(BlockAccessMode.WRITE));
      BlockTokenIdentifier id = BlockTokenIdentifier.decode(t.getIdentifier());
      assertEquals(now.get() + LIFETIME, id.getExpiryDate());
      long keyExpiry = m.exportKeys().keys().stream()
          .filter(k -> k.getKeyId() == id.getKeyId()).findFirst().orElseThrow().getExpiryDate();
      assertTrue(id.getExpiryDate() <= keyExpiry);
      now.addAndGet(INTERVAL / 2);
    }
  }

  @Test
  void nameNodesOfANameserviceUseDisjointKeyIds() throws Exception {
    BlockKeyManager nn0 = new BlockKeyManager(on, 0, now::get);
    BlockKeyManager nn1 = new BlockKeyManager(on, 1, now::get);
    BlockKeyManager nn2 = new BlockKeyManager(on, 2, now::get);
    for (int i = 0; i < 3; i++) {
      for (BlockKeyManager m : new BlockKeyManager[] {nn0, nn1, nn2}) {
        dataNode.addKeys(m.exportKeys());
        for (BlockKey k : m.exportKeys().keys()) {
          assertEquals(m.getNameNodeIndex(), k.getKeyId() >>> 24);
        }
      }
      now.addAndGet(INTERVAL);
    }
    // a DataNode holding every NameNode's keys accepts each one's tokens
    for (BlockKeyManager m : new BlockKeyManager[] {nn0, nn1, nn2}) {
      check(m.generateToken("bob", 9, EnumSet.of(BlockAccessMode.READ)), 9);
    }
    assertThrows(IllegalArgumentException.class,
        () -> new BlockKeyManager(on, BlockKeyManager.MAX_NAMENODE_INDEX + 1, now::get));
  }

  @Test
  void offIssuesEmptyTokensAndNoKeys() {
    BlockKeyManager m = new BlockKeyManager(new BlockTokenOptions(false, INTERVAL, LIFETIME), 0,
        now::get);
    assertEquals(0, m.generateToken("a", 1, EnumSet.of(BlockAccessMode.READ))
        .getIdentifier().length);
    assertTrue(m.exportKeys().isEmpty());
  }
}
