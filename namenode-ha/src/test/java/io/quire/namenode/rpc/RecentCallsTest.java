package io.quire.namenode.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RecentCallsTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final RecentCalls calls = new RecentCalls(now::get);

  @Test
  void countsTheLastMinuteMostCalledFirst() {
    calls.record("getFileInfo");
    calls.record("create");
    now.addAndGet(30_000);
    calls.record("getFileInfo");
    calls.record("complete");
    assertEquals(List.of(new RecentCalls.Count("getFileInfo", 2),
        new RecentCalls.Count("complete", 1), new RecentCalls.Count("create", 1)),
        calls.top(10));
    assertEquals(1, calls.top(1).size());
  }

  @Test
  void forgetsCallsOlderThanTheWindow() {
    calls.record("mkdirs");
    now.addAndGet(RecentCalls.WINDOW_SECONDS * 1000L);
    assertEquals(List.of(), calls.top(10));
    calls.record("delete"); // reuses the bucket of the forgotten second
    assertEquals(List.of(new RecentCalls.Count("delete", 1)), calls.top(10));
    now.addAndGet(59_000);
    assertEquals(List.of(new RecentCalls.Count("delete", 1)), calls.top(10));
  }
}
