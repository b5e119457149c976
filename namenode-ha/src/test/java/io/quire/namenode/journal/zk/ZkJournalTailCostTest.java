package io.quire.namenode.journal.zk;

import static io.quire.namenode.journal.JournalTestSupport.ops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quire.namenode.journal.JournalReader;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.curator.drivers.TracerDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an idle standby costs ZooKeeper: the calls of one wait for the next batch (the reader's
 * null at the end of the log, then {@link ZkJournal#awaitRecord}), counted by Curator's tracer.
 */
@Timeout(120)
class ZkJournalTailCostTest extends ZkServerTest {
  /** Counts Curator's synchronous ZooKeeper calls by kind. */
  private static final class CallCounter implements TracerDriver {
    private final Map<String, Integer> calls = new TreeMap<>();

    @Override
    public synchronized void addTrace(String name, long time, TimeUnit unit) {
      if (name.endsWith("-Foreground")) {
        calls.merge(name.substring(0, name.length() - "-Foreground".length()), 1, Integer::sum);
      }
    }

    @Override
    public void addCount(String name, int increment) {}

    synchronized Map<String, Integer> takeCalls() {
      Map<String, Integer> out = new TreeMap<>(calls);
      calls.clear();
      return out;
    }
  }

  @Test
  void anIdleWaitListsTheBucketAndTheBucketsAndSetsOneWatch() throws Exception {
    try (ZkJournal journal = ZkTestSupport.formatted(client, root)) {
      journal.openForWrite(1).appendAndSync(ops(1, 5));
      try (JournalReader reader = journal.readFrom(1)) {
        for (int i = 0; i < 5; i++) {
          reader.next();
        }
        CallCounter counter = new CallCounter();
        client.getZookeeperClient().setTracerDriver(counter);
        for (int wait = 0; wait < 3; wait++) {
          assertNull(reader.next());
          assertFalse(journal.awaitRecord(6, 50));
          assertEquals(Map.of("GetChildrenBuilderImpl", 2, "ExistsBuilderImpl", 1),
              counter.takeCalls(), "wait " + wait);
        }
      }
    }
  }
}
