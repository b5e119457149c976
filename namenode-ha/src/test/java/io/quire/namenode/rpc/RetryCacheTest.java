package io.quire.namenode.rpc;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.namesystem.NameNodeFaultInjector;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.RenameMode;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.ipc.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Repeated @AtMostOnce calls (same IPC client id and call id, as after a lost reply) get the
 * first answer and are not applied twice. The IPC call is simulated through Server's
 * thread-local current call, which is what RetryCache and Server.getClientId() read.
 */
class RetryCacheTest {
  private final byte[] clientId = uuid();
  private NamesystemFixture fx;
  private ClientProtocol nn;

  private static byte[] uuid() {
    UUID u = UUID.randomUUID();
    return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits()).array();
  }

  @BeforeEach
  void setUp() throws Exception {
    fx = new NamesystemFixture();
    nn = fx.client;
  }

  @AfterEach
  void clearCall() {
    Server.getCurCall().remove();
  }

  private void asCall(int callId) {
    Server.getCurCall().set(new Server.Call(callId, 0, null, null,
        RPC.RpcKind.RPC_PROTOCOL_BUFFER, clientId));
  }

  @Test
  void repeatedCreateReturnsTheFirstAnswer() throws Exception {
    asCall(7);
    InodeStatus first = nn.create("/f", (short) 0644, "c", false, true, (short) 1, 1024);
    InodeStatus again = nn.create("/f", (short) 0644, "c", false, true, (short) 1, 1024);
    assertSame(first, again);
    asCall(8);
    assertThrows(Exception.class,
        () -> nn.create("/f", (short) 0644, "c", false, true, (short) 1, 1024),
        "a new call id is a new operation");
  }

  @Test
  void repeatedDeleteAndRenameDoNotDoubleApply() throws Exception {
    nn.mkdirs("/a", (short) 0755, true);
    long before = fx.ns.getLastAppliedTxId();
    asCall(1);
    assertTrue(nn.delete("/a", true));
    assertTrue(nn.delete("/a", true), "the repeat answers true as the first call did");
    assertEquals(before + 2, fx.ns.getLastAppliedTxId(), "DELETE and its RPC_CALL record");

    Server.getCurCall().remove();
    nn.mkdirs("/r", (short) 0755, true);
    asCall(2);
    nn.rename("/r", "/s", RenameMode.NO_OVERWRITE);
    nn.rename("/r", "/s", RenameMode.NO_OVERWRITE);
    assertNotNull(nn.getFileInfo("/s"));
  }

  /**
   * setXAttr and removeXAttr are @AtMostOnce (as in HDFS): a repeat of a CREATE set or of a
   * remove succeeds as the first call did, here and on a NameNode that replayed the journal,
   * instead of failing with "already exists" or "no matching attributes".
   */
  @Test
  void repeatedXAttrCallsAnswerAsTheFirst() throws Exception {
    nn.mkdirs("/x", (short) 0755, true);
    java.util.EnumSet<org.apache.hadoop.fs.XAttrSetFlag> create =
        java.util.EnumSet.of(org.apache.hadoop.fs.XAttrSetFlag.CREATE);
    asCall(31);
    nn.setXAttr("/x", "user.a", new byte[] {1}, create);
    long applied = fx.ns.getLastAppliedTxId();
    nn.setXAttr("/x", "user.a", new byte[] {1}, create);
    asCall(32);
    nn.removeXAttr("/x", "user.a");
    nn.removeXAttr("/x", "user.a");
    assertEquals(applied + 2, fx.ns.getLastAppliedTxId(), "REMOVE_XATTR and its RPC_CALL");
    asCall(33);
    assertThrows(java.io.IOException.class, () -> nn.removeXAttr("/x", "user.a"),
        "a new call id runs again");
    Server.getCurCall().remove();

    NamesystemFixture next = new NamesystemFixture(fx.conf, fx.journal);
    long replayed = next.ns.getLastAppliedTxId();
    asCall(31);
    next.client.setXAttr("/x", "user.a", new byte[] {1}, create);
    asCall(32);
    next.client.removeXAttr("/x", "user.a");
    assertEquals(replayed, next.ns.getLastAppliedTxId(), "no repeat was applied again");
  }

  @Test
  void aNameNodeThatReplayedTheJournalAnswersRepeatsWithoutRunningThem() throws Exception {
    nn.mkdirs("/dir", (short) 0755, true);
    nn.mkdirs("/gone", (short) 0755, true);
    asCall(21);
    InodeStatus created = nn.create("/dir/f", (short) 0644, "c", false, true, (short) 1, 1024);
    asCall(22);
    nn.rename("/dir", "/moved", RenameMode.NO_OVERWRITE);
    asCall(23);
    assertTrue(nn.delete("/gone", true));
    Server.getCurCall().remove();

    // Failover: another namesystem replays the journal and takes over (the first is fenced).
    NamesystemFixture next = new NamesystemFixture(fx.conf, fx.journal);
    long applied = next.ns.getLastAppliedTxId();
    ClientProtocol nn2 = next.client;
    asCall(21);
    InodeStatus again = nn2.create("/dir/f", (short) 0644, "c", false, true, (short) 1, 1024);
    assertEquals(created.getFileId(), again.getFileId(), "the same file, not a second create");
    assertEquals("/moved/f", again.getPath(), "its status where it is now");
    asCall(22);
    nn2.rename("/dir", "/moved", RenameMode.NO_OVERWRITE); // would fail: /dir is gone
    asCall(23);
    assertTrue(nn2.delete("/gone", true), "the first answer, although /gone does not exist");
    assertEquals(applied, next.ns.getLastAppliedTxId(), "no repeat was applied again");
    asCall(24);
    assertFalse(nn2.delete("/gone", true), "a new call runs");
  }

  /**
   * A call that reuses the ids of a call another NameNode journaled, for another operation, is
   * no repeat of it: refused, and not taken as done (before, the rename below "succeeded"
   * without running, because the replayed entry did not say it was a delete).
   */
  @Test
  void aReplayedCallOfAnotherOperationIsRefusedNotTakenAsDone() throws Exception {
    nn.mkdirs("/d", (short) 0755, true);
    nn.mkdirs("/e", (short) 0755, true);
    asCall(31);
    assertTrue(nn.delete("/d", true));
    asCall(32);
    nn.rename("/e", "/e2", RenameMode.NO_OVERWRITE);
    Server.getCurCall().remove();

    NamesystemFixture next = new NamesystemFixture(fx.conf, fx.journal);
    next.client.mkdirs("/e3", (short) 0755, true);
    asCall(31);
    org.apache.hadoop.fs.InvalidRequestException e = assertThrows(
        org.apache.hadoop.fs.InvalidRequestException.class,
        () -> next.client.rename("/e3", "/f", RenameMode.NO_OVERWRITE));
    assertTrue(e.getMessage().contains("call id 31") && e.getMessage().contains("delete"),
        e.getMessage());
    asCall(32);
    assertThrows(org.apache.hadoop.fs.InvalidRequestException.class,
        () -> next.client.create("/g", (short) 0644, "c", false, true, (short) 1, 1024));
    asCall(31);
    assertTrue(next.client.delete("/d", true), "the true repeat still gets the first answer");
    Server.getCurCall().remove();
    assertNotNull(next.client.getFileInfo("/e3"));
    assertNull(next.client.getFileInfo("/f"));
    assertNull(next.client.getFileInfo("/g"));
  }

  @Test
  void failureAfterSyncLeavesTheChangeDurable() throws Exception {
    fx.ns.getFaultInjector().set(NameNodeFaultInjector.Point.AFTER_JOURNAL_SYNC, txId -> {
      throw new java.io.IOException("reply lost after txid " + txId);
    });
    asCall(11);
    assertThrows(java.io.IOException.class,
        () -> nn.create("/lost", (short) 0644, "c", false, true, (short) 1, 1024));
    fx.ns.getFaultInjector().clear(NameNodeFaultInjector.Point.AFTER_JOURNAL_SYNC);
    assertNotNull(nn.getFileInfo("/lost"), "the create is durable despite the failed answer");
    assertEquals(fx.journal.getLastTxId(), fx.ns.getLastAppliedTxId());
  }

  @Test
  void failedCallRunsAgainOnRetry() throws Exception {
    asCall(3);
    assertThrows(Exception.class, () -> nn.rename("/missing", "/x", RenameMode.NO_OVERWRITE));
    Server.getCurCall().remove();
    nn.mkdirs("/missing", (short) 0755, true);
    asCall(3);
    nn.rename("/missing", "/x", RenameMode.NO_OVERWRITE);
    assertNotNull(nn.getFileInfo("/x"));
  }
}
