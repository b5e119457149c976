package io.quire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pause arithmetic of the HA benchmark on made-up times (no clock, no cluster). */
@Timeout(10)
class PauseTrackerTest {
  @Test
  void pauseIsTheLongestGapOverlappingTheEvent() {
    PauseTracker t = new PauseTracker(0);
    t.succeeded(10);
    t.succeeded(500); // a long gap before the event: not counted
    t.begin(520);
    t.succeeded(530); // in flight when the event began: gap 30
    t.succeeded(800); // gap 270, inside the event
    t.end(850);
    assertFalse(t.resumed());
    t.succeeded(1000); // first success after the end: gap 200, overlaps the end
    assertTrue(t.resumed());
    t.succeeded(2000); // after the event: not counted
    assertEquals(new PauseTracker.Seen(270, 530, 0), t.seen());
  }

  @Test
  void gapSpanningTheWholeEventCounts() {
    PauseTracker t = new PauseTracker(0);
    t.succeeded(100);
    t.begin(150);
    t.failed();
    t.failed();
    t.end(150); // a kill: the event is an instant
    t.succeeded(7100);
    assertEquals(new PauseTracker.Seen(7000, 7100, 2), t.seen());
  }

  @Test
  void aNewEventForgetsThePreviousOne() {
    PauseTracker t = new PauseTracker(0);
    t.begin(10);
    t.failed();
    t.succeeded(400);
    t.end(20);
    t.succeeded(410);
    t.begin(1000);
    assertFalse(t.resumed());
    t.end(1010);
    t.succeeded(1020);
    assertEquals(new PauseTracker.Seen(610, 1020, 0), t.seen());
  }
}
