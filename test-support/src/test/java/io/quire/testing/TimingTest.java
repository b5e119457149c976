package io.quire.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
@Timeout(30)
class TimingTest {
  private final String before = System.getProperty(Timing.SCALE_PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(Timing.SCALE_PROPERTY);
    } else {
      System.setProperty(Timing.SCALE_PROPERTY, before);
    }
  }

  @Test
  void scalesEveryWaitByTheProperty() {
    System.setProperty(Timing.SCALE_PROPERTY, "2.5");
    assertEquals(Duration.ofSeconds(25), Timing.seconds(10));
    assertEquals(Duration.ofMillis(250), Timing.scaled(Duration.ofMillis(100)));
    System.clearProperty(Timing.SCALE_PROPERTY);
    assertEquals(Duration.ofSeconds(10), Timing.seconds(10));
  }

  @Test
  void aScaleThatIsNotAPositiveNumberIsRefusedNamingTheProperty() {
    for (String bad : new String[] {"0", "-1", "fast", "Infinity"}) {
      System.setProperty(Timing.SCALE_PROPERTY, bad);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Timing::scale);
      assertTrue(e.getMessage().startsWith(Timing.SCALE_PROPERTY + "=" + bad), e.getMessage());
    }
  }
}
