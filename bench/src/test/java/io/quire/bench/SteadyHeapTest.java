package io.quire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The steady-state arithmetic of the soak report on made-up probes. */
@Timeout(10)
class SteadyHeapTest {
  private static List<SteadyHeap.Sample> samples(long... bytes) {
    List<SteadyHeap.Sample> out = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      out.add(new SteadyHeap.Sample(300.0 * i, bytes[i]));
    }
    return out;
  }

  @Test
  void inFlightPeaksDoNotCountAsGrowth() {
    // flat at 100 with probes that caught a transfer in flight (130, 125)
    SteadyHeap s = SteadyHeap.of(samples(100, 130, 101, 100, 125, 100, 101)).orElseThrow();
    assertEquals(100, s.early());
    assertEquals(100, s.late());
    assertEquals(0, s.change());
  }

  @Test
  void aLeakRaisesTheMinimum() {
    SteadyHeap s = SteadyHeap.of(samples(100, 110, 120, 130, 140, 150, 160, 170)).orElseThrow();
    assertEquals(100, s.early());
    assertEquals(150, s.late());
    assertEquals(2100, s.seconds());
    assertEquals(50 * 3600.0 / 2100, s.changePerHour(), 1e-9);
  }

  @Test
  void fewProbesUseSmallerWindows() {
    assertTrue(SteadyHeap.of(samples(100)).isEmpty());
    SteadyHeap two = SteadyHeap.of(samples(100, 120)).orElseThrow();
    assertEquals(100, two.early());
    assertEquals(120, two.late());
    SteadyHeap five = SteadyHeap.of(samples(100, 90, 130, 120, 125)).orElseThrow();
    assertEquals(90, five.early()); // windows of 2
    assertEquals(120, five.late());
  }
}
