package io.quire.bench.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quire.bench.history.Limit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which limit bounds a figure, on made-up limits (nothing measured). */
@Timeout(10)
class BoundTest {
  private static final List<Limit> LIMITS = List.of(
      new Limit(LoopbackLimit.NAME, "MB/s", 3000, ""),
      new Limit(FsyncLimit.SYNC_NAME, "syncs/s", 1200, ""),
      new Limit(FsyncLimit.SEQ_NAME, "MB/s", 600, ""),
      new Limit(Crc32cLimit.NAME, "MB/s", 20000, ""),
      new Limit(IpcEchoLimit.NAME_1, "calls/s", 9000, ""),
      new Limit(IpcEchoLimit.NAME_8, "calls/s", 30000, ""));

  @Test
  void writeTakesTheTighterOfLoopbackAndDisk() {
    assertEquals(new Bound(FsyncLimit.SEQ_NAME, 3), Bound.write(LIMITS, 3));
    assertEquals(new Bound(LoopbackLimit.NAME, 3),
        Bound.write(List.of(LIMITS.get(0), LIMITS.get(3)), 3));
  }

  @Test
  void oneThreadMutationWaitsForItsSyncsManyThreadsOnlyForIpc() {
    // create+close: 2 RPCs, 2 syncs: 1200/2 = 600/s beats 9000/2
    assertEquals(new Bound(FsyncLimit.SYNC_NAME, 2), Bound.metadata(LIMITS, 1, 2, 2));
    assertEquals(new Bound(IpcEchoLimit.NAME_8, 2), Bound.metadata(LIMITS, 8, 2, 2));
    assertEquals(new Bound(IpcEchoLimit.NAME_1, 1), Bound.metadata(LIMITS, 1, 1, 0));
  }

  @Test
  void noLimitsMeasuredNoBound() {
    assertNull(Bound.read(List.of()));
  }
}
