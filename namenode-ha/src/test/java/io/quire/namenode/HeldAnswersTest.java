package io.quire.namenode;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.journal.FileJournal;
import io.quire.namenode.journal.GroupCommitWriter;
import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.namesystem.NameNodeFaultInjector;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.RecordCodec;
import io.quire.namenode.testing.LocalNameNode;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.FencedException;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.InodeStatus;
import io.quire.testing.TargetDirs;
import io.quire.testing.Timing;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.Client;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.util.ExitUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * A client mutation's answer is held until the journal sync that covers its records, while the
 * IPC handler that ran it serves other calls (one handler here). The sync is held by blocking
 * the journal syncer at the AFTER_JOURNAL_SYNC point of an earlier call: records appended
 * meanwhile stay unsynced, and their calls unanswered. A repeat of such a call (same client id
 * and call id, on another connection, as after a lost connection) waits for the same sync; a
 * failed sync fails the held calls and the NameNode stops, losing nothing it answered.
 */
@Timeout(120)
class HeldAnswersTest {
  private static final int CALL_ID = 1_000_000;

  private File dir;
  private Configuration conf;
  private NameNode nn;
  private final List<ClientProtocol> proxies = new ArrayList<>();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final CountDownLatch syncerHeld = new CountDownLatch(1);
  private final CountDownLatch releaseSyncer = new CountDownLatch(1);

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    ExitUtil.disableSystemExit();
    ExitUtil.resetFirstExitException();
    dir = TargetDirs.freshFile(info);
    conf = LocalNameNode.conf(dir);
    conf.setInt(NameNodeConfigKeys.HANDLER_COUNT_KEY, 1);
    conf.setInt("ipc.client.connect.max.retries", 0);
    NameNode.format(conf, false);
    nn = LocalNameNode.start(conf);
  }

  @AfterEach
  void tearDown() {
    releaseSyncer.countDown();
    proxies.forEach(QuireRpc::stopProxy);
    callers.shutdownNow();
    if (nn != null) {
      nn.stop();
    }
    ExitUtil.resetFirstExitException();
  }

  /**
   * A proxy on its own IPC connection (one per UGI object), calling as the NameNode's user;
   * all proxies share one IPC client, hence one client id.
   */
  private ClientProtocol connection() throws IOException {
    ClientProtocol p = QuireRpc.createClientProxy(new Configuration(conf), nn.getRpcAddress(),
        UserGroupInformation.createRemoteUser(
            UserGroupInformation.getCurrentUser().getShortUserName()));
    proxies.add(p);
    return p;
  }

  private GroupCommitWriter writer() {
    return (GroupCommitWriter) nn.getNamesystem().getWriter();
  }

  /**
   * Blocks the journal syncer after the sync of the next mutation, before its answer leaves:
   * later records are appended but not synced until {@link #releaseSyncer}.
   */
  private void holdTheNextSync() {
    AtomicBoolean armed = new AtomicBoolean(true);
    nn.getNamesystem().getFaultInjector().set(NameNodeFaultInjector.Point.AFTER_JOURNAL_SYNC,
        txId -> {
          if (armed.getAndSet(false)) {
            syncerHeld.countDown();
            try {
              releaseSyncer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
  }

  private <T> CompletableFuture<T> async(IoCall<T> c) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return c.call();
      } catch (IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, callers);
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  /** The create of /held/f with a fixed call id: the first call, or its repeat. */
  private InodeStatus createWithFixedCallId(ClientProtocol p) throws IOException {
    Client.setCallIdAndRetryCount(CALL_ID, 1, null);
    return p.create("/held/f", (short) 0644, "writer", false, true, (short) 1, 1024);
  }

  @Test
  void answersWaitForTheirSyncWhileTheHandlerServesOthers() throws Exception {
    ClientProtocol a = connection();
    ClientProtocol b = connection();
    ClientProtocol reader = connection();
    assertTrue(a.mkdirs("/held", (short) 0777, true));
    holdTheNextSync();
    CompletableFuture<Boolean> first = async(() -> a.mkdirs("/held/first", (short) 0755, true));
    assertTrue(syncerHeld.await(30, TimeUnit.SECONDS));
    long synced = writer().getLastSyncedTxId();

    CompletableFuture<InodeStatus> create = async(() -> createWithFixedCallId(a));
    awaitQueued(1, create);
    CompletableFuture<InodeStatus> repeat = async(() -> createWithFixedCallId(b));
    awaitQueued(2, repeat);

    // The one handler is free: a read on a third connection is answered meanwhile.
    assertNotNull(reader.getFileInfo("/held/f"), "applied, readable, not yet durable");
    assertTrue(writer().getLastAppendedTxId() > synced);
    assertEquals(synced, writer().getLastSyncedTxId(), "the syncer is held: nothing synced");
    assertFalse(create.isDone(), "no answer before the records are durable");
    assertFalse(repeat.isDone(), "the repeat waits for the sync of the first call");
    assertFalse(first.isDone());

    releaseSyncer.countDown();
    assertTrue(first.get(30, TimeUnit.SECONDS));
    InodeStatus created = create.get(30, TimeUnit.SECONDS);
    assertEquals(created.getFileId(), repeat.get(30, TimeUnit.SECONDS).getFileId(),
        "the repeat gets the first answer");
    assertEquals(writer().getLastAppendedTxId(), writer().getLastSyncedTxId());
    assertEquals(1, journal().stream().filter(r -> r instanceof EditRecord.CreateFile c
        && c.path().equals("/held/f")).count(), "created once");
  }

  @Test
  void aFailedSyncFailsTheHeldCallsAndLosesNothingAnswered() throws Exception {
    ClientProtocol a = connection();
    ClientProtocol b = connection();
    assertTrue(a.mkdirs("/held", (short) 0777, true));
    holdTheNextSync();
    CompletableFuture<Boolean> first = async(() -> a.mkdirs("/held/first", (short) 0755, true));
    assertTrue(syncerHeld.await(30, TimeUnit.SECONDS));
    CompletableFuture<Boolean> lost = async(() -> b.mkdirs("/held/lost", (short) 0755, true));
    CompletableFuture<InodeStatus> create = async(() -> createWithFixedCallId(a));
    awaitQueued(2, create);
    // Another writer takes the journal: the held records can no longer be synced.
    try (FileJournal intruder = new FileJournal(new File(dir, "current").toPath())) {
      intruder.openForWrite(intruder.getPromisedEpoch() + 1).close();
    }
    releaseSyncer.countDown();

    assertTrue(first.get(30, TimeUnit.SECONDS), "synced before the failure: answered");
    assertInstanceOf(FencedException.class, cause(lost));
    assertInstanceOf(FencedException.class, cause(create));
    assertEquals(HaState.STOPPING, nn.getNamesystem().getHaGate().state());
    assertNotNull(ExitUtil.getFirstExitException(), "the NameNode asked to exit");

    nn.stop();
    nn = LocalNameNode.start(conf);
    Namesystem ns = nn.getNamesystem();
    assertNotNull(ns.read(() -> ns.ops().reads().getFileInfo("/held/first")),
        "what was answered is kept");
    assertNull(ns.read(() -> ns.ops().reads().getFileInfo("/held/lost")));
    assertNull(ns.read(() -> ns.ops().reads().getFileInfo("/held/f")));
  }

  /** Waits until {@code n} answers are held for the next sync; {@code call} must be one. */
  private void awaitQueued(int n, CompletableFuture<?> call) throws Exception {
    await().atMost(Timing.seconds(30)).until(() -> call.isDone()
        || nn.getNamesystem().getJournalSyncer().queued() == n);
    if (call.isDone()) {
      call.get();
      throw new AssertionError("answered before its records were synced: " + call.get());
    }
  }

  private static Throwable cause(CompletableFuture<?> f) throws InterruptedException {
    try {
      f.get(30, TimeUnit.SECONDS);
      throw new AssertionError("the held call succeeded although its sync failed");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the held call got no answer", e);
    }
  }

  private List<EditRecord> journal() throws IOException {
    List<EditRecord> out = new ArrayList<>();
    try (FileJournal j = new FileJournal(new File(dir, "current").toPath());
        JournalReader r = j.readFrom(1)) {
      for (JournalRecord rec; (rec = r.next()) != null; ) {
        out.add(RecordCodec.decode(rec.payload(), rec.txId()));
      }
    }
    return out;
  }
}
