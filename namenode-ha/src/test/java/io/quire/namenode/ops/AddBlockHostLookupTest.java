package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.testing.InMemoryJournal;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.LocatedBlock;
import io.quire.testing.Timing;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * addBlock looks up the writer's host name (for the writer-local first replica) before it
 * takes the namesystem lock, caches the answer, and waits for it only a bounded time: a DNS
 * server that hangs delays that one addBlock, never the namesystem.
 */
class AddBlockHostLookupTest {
  private final AtomicInteger lookups = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private NamesystemFixture fx;
  private ClientProtocol nn;

  @BeforeEach
  void setUp() throws Exception {
    Configuration conf = NamesystemFixture.defaultConf();
    conf.setLong(NameNodeConfigKeys.CLIENT_HOST_RESOLVE_TIMEOUT_KEY, 200);
    conf.setLong(NameNodeConfigKeys.CLIENT_HOST_CACHE_EXPIRY_KEY, 60_000);
    fx = new NamesystemFixture(conf, new InMemoryJournal());
    nn = fx.client;
    fx.ns.setHostLookup(host -> {
      lookups.incrementAndGet();
      if (host.equals("stuck.example")) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return host.equals("writer.example") ? "127.0.0.2" : "10.9.9.9";
    });
    for (int i = 0; i < 3; i++) {
      fx.addDataNode(i); // dn-i on 127.0.0.(i+1)
    }
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    pool.shutdownNow();
  }

  @Test
  void aLookupThatHangsDoesNotStallTheNamesystem() throws Exception {
    long id = nn.create("/f", (short) 0644, "w", false, true, (short) 1, 1024).getFileId();
    Future<LocatedBlock> add = pool.submit(
        () -> nn.addBlock("/f", id, "w", null, List.of(), "stuck.example"));
    Awaitility.await().atMost(Timing.seconds(30)).until(() -> lookups.get() == 1);
    Future<Boolean> other = pool.submit(() -> nn.mkdirs("/other", (short) 0755, true));
    assertTrue(other.get(20, TimeUnit.SECONDS), "a mutation while the lookup hangs");
    LocatedBlock lb = add.get(20, TimeUnit.SECONDS);
    assertEquals(1, lb.getLocations().size(), "placed without the writer-local preference");
  }

  @Test
  void lookupsAreCachedUntilTheyExpire() throws Exception {
    for (int n = 0; n < 3; n++) {
      String path = "/f" + n;
      long id = nn.create(path, (short) 0644, "w", false, true, (short) 1, 1024).getFileId();
      LocatedBlock lb = nn.addBlock(path, id, "w", null, List.of(), "writer.example");
      assertEquals("dn-1", lb.getLocations().get(0).getUuid(), "the writer's own DataNode");
    }
    assertEquals(1, lookups.get(), "one lookup for three blocks");
    fx.clock.addAndGet(60_001);
    for (int i = 0; i < 3; i++) {
      fx.heartbeat(i); // still live after the minute
    }
    long id = nn.create("/g", (short) 0644, "w", false, true, (short) 1, 1024).getFileId();
    nn.addBlock("/g", id, "w", null, List.of(), "writer.example");
    assertEquals(2, lookups.get(), "looked up again after the expiry");
  }
}
