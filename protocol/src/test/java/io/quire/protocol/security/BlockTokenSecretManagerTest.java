package io.quire.protocol.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.token.Token;
import org.junit.jupiter.api.Test;

/** Signing and every reason a token is refused; the message never shows a secret. */
class BlockTokenSecretManagerTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final BlockTokenSecretManager sm = new BlockTokenSecretManager(now::get);
  private static final byte[] SECRET = "0123456789abcdef0123".getBytes();

  private Token<BlockTokenIdentifier> token(long blockId, BlockAccessMode mode, long expiry) {
    return sm.sign(new BlockTokenIdentifier("bob", blockId, EnumSet.of(mode), 5, expiry));
  }

  private String refusal(Token<BlockTokenIdentifier> t, long blockId, BlockAccessMode mode) {
    return assertThrows(InvalidBlockTokenException.class,
        () -> sm.checkAccess(t, blockId, mode, "OP blk_" + blockId)).getMessage();
  }

  @Test
  void acceptsAValidTokenAndRefusesEveryBadOne() throws Exception {
    sm.addKey(new BlockKey(5, 5_000_000, SECRET));
    Token<BlockTokenIdentifier> read = token(42, BlockAccessMode.READ, 2_000_000);
    assertEquals(42, sm.checkAccess(read, 42, BlockAccessMode.READ, "READ_BLOCK").getBlockId());

    assertTrue(refusal(null, 42, BlockAccessMode.READ).contains("no block access token"));
    assertTrue(refusal(new Token<>(), 42, BlockAccessMode.READ).contains("no block access"));
    assertTrue(refusal(read, 43, BlockAccessMode.READ).contains("is for blk_42, not blk_43"));
    assertTrue(refusal(read, 42, BlockAccessMode.WRITE).contains("grants [READ], not WRITE"));
    Token<BlockTokenIdentifier> forged = new Token<>(read.getIdentifier(), new byte[20],
        BlockTokenIdentifier.KIND, new Text());
    assertTrue(refusal(forged, 42, BlockAccessMode.READ).contains("signature"));
    Token<BlockTokenIdentifier> garbage = new Token<>(new byte[] {1, 2}, new byte[20],
        BlockTokenIdentifier.KIND, new Text());
    assertTrue(refusal(garbage, 42, BlockAccessMode.READ).contains("malformed"));

    now.set(2_000_001);
    String expired = refusal(read, 42, BlockAccessMode.READ);
    assertTrue(expired.startsWith("OP blk_42: block access token expired"), expired);
    assertFalse(expired.contains(new String(SECRET)));
  }

  @Test
  void unknownOrExpiredKeysAreRefused() {
    sm.addKey(new BlockKey(5, 5_000_000, SECRET));
    Token<BlockTokenIdentifier> t = token(1, BlockAccessMode.WRITE, 9_000_000);
    BlockTokenSecretManager other = new BlockTokenSecretManager(now::get);
    assertTrue(assertThrows(InvalidBlockTokenException.class,
        () -> other.checkAccess(t, 1, BlockAccessMode.WRITE, "WRITE_BLOCK"))
        .getMessage().contains("block key 5 unknown"));
    now.set(5_000_001);
    sm.addKeys(new ExportedBlockKeys(6, List.of(new BlockKey(6, 9_000_000, SECRET))));
    assertFalse(sm.hasKey(5), "expired key dropped");
    assertTrue(sm.hasKey(6));
    assertThrows(InvalidBlockTokenException.class,
        () -> sm.checkAccess(t, 1, BlockAccessMode.WRITE, "WRITE_BLOCK"));
  }

  @Test
  void keyToStringHidesTheSecret() {
    assertEquals("key 5 (expires 7)", new BlockKey(5, 7, SECRET).toString());
  }
}
