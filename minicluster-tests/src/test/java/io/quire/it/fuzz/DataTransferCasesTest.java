package io.quire.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fuzz cases of one batch run concurrently, so a case may only touch (recover, append to)
 * its own block or blocks of cases in earlier batches, which have ended: a recovery of a block
 * another running case is writing stops that write, and the writer's expectations (every
 * packet acked) fail for reasons that are the fuzzer's, not the DataNode's (CI saw this).
 */
class DataTransferCasesTest {
  private static final int BATCH = 50;
  private static final Pattern BLOCK = Pattern.compile("blk_(\\d+)");

  @Test
  @Timeout(60)
  void casesTouchOnlyTheirOwnBlockOrBlocksOfEndedBatches() {
    DataTransferCases cases = new DataTransferCases(new InetSocketAddress("127.0.0.1", 1),
        64 * 1024, 2, 1L, 1L, new byte[5000], Duration.ofSeconds(1), id -> true, BATCH);
    for (long seed = 1; seed <= 20; seed++) {
      FuzzSettings settings = new FuzzSettings(seed, 400, -1);
      for (int i = 0; i < 400; i++) {
        String what = cases.generate(i, settings.caseRandom(i)).describe();
        int batchStart = i - i % BATCH;
        Matcher m = BLOCK.matcher(what);
        while (m.find()) {
          long k = Long.parseLong(m.group(1)) - DataTransferCases.FUZZ_ID_BASE;
          assertTrue(k < 0 || k == i || k < batchStart, "seed " + seed + " case " + i
              + " touches the block of case " + k + ", which may be running: " + what);
        }
      }
    }
  }
}
