package io.quire.namenode.journal.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Znode names: 19 digits, zero-padded, so that they sort in txid order. */
@Timeout(10)
class ZkLayoutTest {
  @Test
  void namesAreNineteenDigitsZeroPadded() {
    for (long n : new long[] {0, 7, 9_999, 10_000, 1_234_567_890_123L, Long.MAX_VALUE}) {
      assertEquals(String.format("%019d", n), ZkLayout.name(n));
    }
    assertEquals("0000000000000010000", ZkLayout.name(10_000));
    assertEquals("/q/ns/journal/batches/0000000000000010000/0000000000000012345",
        new ZkLayout("/q/ns").batch(12_345));
  }
}
