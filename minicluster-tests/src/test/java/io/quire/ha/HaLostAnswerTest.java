package io.quire.ha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.namenode.NameNode;
import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.zk.ZkJournal;
import io.quire.namenode.journal.zk.ZkJournalOptions;
import io.quire.namenode.namesystem.NameNodeFaultInjector;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.RecordCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.ipc.StandbyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The answer of an {@code @AtMostOnce} call is lost in a failover: the active journals the
 * call, hands over to the standby, and answers with a StandbyException, so the client repeats
 * the call (same client id and call id) on the new active. The call takes effect once: a rename
 * is not reported as failed although its source is gone, a create is not repeated (one
 * CREATE_FILE record, and the writer carries on), a delete answers true.
 */
class HaLostAnswerTest {
  private static MiniQuireCluster cluster;

  @BeforeAll
  static void start() throws IOException {
    cluster = MiniQuireCluster.builder(new Configuration()).nameNodes(2).numDataNodes(1)
        .build();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /** The next mutation on the active: journaled, then a failover, then its answer is lost. */
  private static int loseTheNextAnswer() {
    int active = cluster.waitForActiveNameNode();
    NameNode nn = cluster.getNameNode(active);
    AtomicBoolean armed = new AtomicBoolean(true);
    nn.getNamesystem().getFaultInjector().set(NameNodeFaultInjector.Point.AFTER_JOURNAL_SYNC,
        txId -> {
          if (armed.getAndSet(false)) {
            nn.getHaController().transitionToStandby();
            throw new StandbyException("answer of txid " + txId + " lost in a failover");
          }
        });
    return active;
  }

  @Test
  void renameCreateAndDeleteTakeEffectOnce() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    fs.mkdirs(new Path("/lost"));
    try (FSDataOutputStream out = fs.create(new Path("/lost/a"))) {
      out.write(1);
    }

    int before = loseTheNextAnswer();
    assertTrue(fs.rename(new Path("/lost/a"), new Path("/lost/b")),
        "the repeated rename is answered as the first one was, not refused");
    assertNotEquals(before, cluster.waitForActiveNameNode());
    assertTrue(fs.exists(new Path("/lost/b")));
    assertFalse(fs.exists(new Path("/lost/a")));

    loseTheNextAnswer();
    byte[] data = "written after a lost create answer".getBytes(StandardCharsets.UTF_8);
    try (FSDataOutputStream out = fs.create(new Path("/lost/c"), false)) {
      out.write(data);
    }
    byte[] back = new byte[data.length];
    try (FSDataInputStream in = fs.open(new Path("/lost/c"))) {
      IOUtils.readFully(in, back, 0, back.length);
    }
    assertArrayEquals(data, back);

    loseTheNextAnswer();
    assertTrue(fs.delete(new Path("/lost/b"), false), "the first answer of the delete");
    assertFalse(fs.exists(new Path("/lost/b")));

    List<EditRecord> records = journal();
    assertEquals(1, records.stream().filter(r -> r instanceof EditRecord.Rename rn
        && rn.src().equals("/lost/a")).count(), "one RENAME");
    assertEquals(1, records.stream().filter(r -> r instanceof EditRecord.CreateFile c
        && c.path().equals("/lost/c")).count(), "one CREATE_FILE");
    assertEquals(1, records.stream().filter(r -> r instanceof EditRecord.Delete d
        && d.path().equals("/lost/b")).count(), "one DELETE");
    for (Class<?> kind : List.of(EditRecord.Rename.class, EditRecord.CreateFile.class,
        EditRecord.Delete.class)) {
      int i = lastIndexOf(records, kind);
      assertTrue(records.get(i + 1) instanceof EditRecord.RpcCall,
          kind.getSimpleName() + " is followed by its RPC_CALL record");
    }
  }

  private static int lastIndexOf(List<EditRecord> records, Class<?> kind) {
    for (int i = records.size() - 1; i >= 0; i--) {
      if (kind.isInstance(records.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no " + kind.getSimpleName() + " record");
  }

  private static List<EditRecord> journal() throws Exception {
    try (CuratorFramework client = CuratorFrameworkFactory.newClient(
        cluster.getZooKeeper().connectString(), new RetryNTimes(20, 200))) {
      client.start();
      client.blockUntilConnected(30, TimeUnit.SECONDS);
      ZkJournal j = new ZkJournal(client, "/quire/" + MiniQuireCluster.NAMESERVICE, "check",
          ZkJournalOptions.defaults());
      List<EditRecord> out = new ArrayList<>();
      try (JournalReader r = j.readFrom(1)) {
        for (JournalRecord rec; (rec = r.next()) != null; ) {
          out.add(RecordCodec.decode(rec.payload(), rec.txId()));
        }
      }
      return out;
    }
  }
}
