package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.Usage;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.DSQuotaExceededException;
import io.quire.protocol.exceptions.NSQuotaExceededException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.RenameMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.PathIsNotDirectoryException;
import org.apache.hadoop.fs.QuotaUsage;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Quotas on a namesystem: HDFS's setQuota rules and errors, every checked operation refused
 * with HDFS's message and without any change, and the incremental usage equal to a full walk
 * after each kind of change, after replay and after an image load.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QuotaOpsTest {
  private static final long MAX = Long.MAX_VALUE;
  private static final UserGroupInformation BOB =
      UserGroupInformation.createUserForTesting("bob", new String[] {"bobs"});

  @Test
  void setQuotaFollowsHdfsRules() throws Exception {
    NamesystemFixture fx = new NamesystemFixture();
    ClientProtocol nn = fx.client;
    nn.mkdirs("/q", (short) 0777, true);
    nn.create("/q/f", (short) 0644, "c", false, false, (short) 1, 1024);
    AccessControlException denied = assertThrows(AccessControlException.class,
        () -> BOB.doAs((java.security.PrivilegedExceptionAction<Void>) () -> {
          nn.setQuota("/q", 10, MAX);
          return null;
        }));
    assertEquals("Access denied for user bob. Superuser privilege is required"
        + " for operation setQuota",
        denied.getMessage());
    assertEquals("Illegal value for nsQuota or ssQuota : -5 and 9223372036854775807",
        assertThrows(IllegalArgumentException.class, () -> nn.setQuota("/q", -5, MAX))
            .getMessage());
    assertEquals("Directory does not exist: /nope",
        assertThrows(FileNotFoundException.class, () -> nn.setQuota("/nope", 5, MAX))
            .getMessage());
    assertEquals("`/q/f': Is not a directory",
        assertThrows(PathIsNotDirectoryException.class, () -> nn.setQuota("/q/f", 5, MAX))
            .getMessage());
    long before = fx.journal.records().size();
    nn.setQuota("/q", 10, MAX);
    nn.setQuota("/q", MAX, 4096);
    nn.setQuota("/q", 10, 4096); // unchanged: nothing journaled
    assertEquals(before + 2, fx.journal.records().size());
    QuotaUsage u = nn.getQuotaUsage("/q");
    assertEquals(10, u.getQuota());
    assertEquals(4096, u.getSpaceQuota());
    assertEquals(2, u.getFileAndDirectoryCount()); // /q itself and /q/f
    nn.setQuota("/q", -1, MAX);
    assertEquals(-1, nn.getQuotaUsage("/q").getQuota());
    nn.setQuota("/q", MAX, -1);
    assertNull(dir(fx, "/q").getQuota()); // both cleared: no longer counted
    assertEquals(MAX, nn.getQuotaUsage("/").getQuota());
    assertEquals(-1, nn.getQuotaUsage("/").getSpaceQuota());
    // HDFS 3.4 lets the root's name quota be cleared; the root keeps counting.
    nn.setQuota("/", -1, MAX);
    assertEquals(-1, nn.getQuotaUsage("/").getQuota());
    assertEquals(3, dir(fx, "/").getQuota().nsUsed()); // /, /q, /q/f
  }

  @Test
  void nameQuotaRefusesCreateMkdirAndRenameIntoWithoutChange() throws Exception {
    NamesystemFixture fx = new NamesystemFixture();
    ClientProtocol nn = fx.client;
    nn.mkdirs("/q", (short) 0777, true);
    nn.mkdirs("/src/a/b", (short) 0777, true);
    nn.setQuota("/q", 3, MAX);
    nn.mkdirs("/q/d", (short) 0777, false);
    nn.create("/q/d/f", (short) 0644, "c", false, false, (short) 1, 1024);
    NSQuotaExceededException e = assertThrows(NSQuotaExceededException.class,
        () -> nn.mkdirs("/q/e", (short) 0777, false));
    assertEquals("The NameSpace quota (directories and files) of directory /q is exceeded:"
        + " quota=3 file count=4", e.getMessage());
    assertThrows(NSQuotaExceededException.class,
        () -> nn.create("/q/g", (short) 0644, "c", false, false, (short) 1, 1024));
    String state = ReplayEquivalenceTest.dump(fx.ns.getState());
    long journaled = fx.journal.records().size();
    NSQuotaExceededException r = assertThrows(NSQuotaExceededException.class,
        () -> nn.rename("/src/a", "/q/d", RenameMode.INTO_DIRECTORY));
    assertEquals("The NameSpace quota (directories and files) of directory /q is exceeded:"
        + " quota=3 file count=5", r.getMessage());
    assertEquals(state, ReplayEquivalenceTest.dump(fx.ns.getState()));
    assertEquals(journaled, fx.journal.records().size());
    // Moving out frees names: then a rename in fits.
    nn.rename("/q/d/f", "/src/f", RenameMode.NO_OVERWRITE);
    nn.rename("/src/a/b", "/q/d/b", RenameMode.NO_OVERWRITE);
    assertUsageIsExact(fx);
  }

  @Test
  void spaceQuotaRefusesTheBlockThatCrossesItAndKeepsTheEarlierOnes() throws Exception {
    NamesystemFixture fx = new NamesystemFixture();
    fx.addDataNode(0);
    ClientProtocol nn = fx.client;
    nn.mkdirs("/q", (short) 0777, true);
    nn.setQuota("/q", MAX, 2048);
    long id = nn.create("/q/f", (short) 0644, "w", false, false, (short) 1, 1024).getFileId();
    Block prev = null;
    for (int i = 0; i < 2; i++) {
      LocatedBlock lb = nn.addBlock("/q/f", id, "w", prev, List.of(), null);
      prev = lb.getBlock().withNumBytes(1000);
      fx.finalized(0, prev);
      assertUsageIsExact(fx);
    }
    Block last = prev;
    DSQuotaExceededException e = assertThrows(DSQuotaExceededException.class,
        () -> nn.addBlock("/q/f", id, "w", last, List.of(), null));
    // HDFS's count: the first block at its length, the second committed, the new one in full.
    assertEquals("The DiskSpace quota of /q is exceeded: quota = 2048 B = 2 KB but diskspace"
        + " consumed = 3024 B = 2.95 KB", e.getMessage());
    assertEquals(true, nn.complete("/q/f", id, "w", last));
    assertEquals(2000, nn.getFileInfo("/q/f").getLength());
    assertEquals(2000, nn.getQuotaUsage("/q").getSpaceConsumed());
    ContentSummaryInfo cs = nn.getContentSummary("/q");
    assertEquals(2000, cs.getSpaceConsumed());
    assertEquals(2048, cs.getSpaceQuota());
    assertEquals(-1, cs.getQuota());
    // setReplication that would triple the space is refused; a smaller one is fine.
    assertThrows(DSQuotaExceededException.class, () -> nn.setReplication("/q/f", (short) 3));
    nn.setQuota("/q", MAX, 6050);
    nn.setReplication("/q/f", (short) 3);
    assertEquals(6000, nn.getQuotaUsage("/q").getSpaceConsumed());
    // append reopens the last block: charged at the full block size again.
    assertThrows(DSQuotaExceededException.class, () -> nn.append("/q/f", "w2"));
    assertUsageIsExact(fx);
  }

  @Test
  void usageStaysExactThroughDeletesRenamesReplicationReplayAndImage() throws Exception {
    NamesystemFixture fx = new NamesystemFixture();
    fx.addDataNode(0);
    ClientProtocol nn = fx.client;
    nn.mkdirs("/p/q/r", (short) 0777, true);
    nn.setQuota("/p", 100, 1L << 30);
    nn.setQuota("/p/q/r", 50, MAX);
    for (int i = 0; i < 4; i++) {
      ReplayEquivalenceTest.writeFile(fx, "/p/q/r/f" + i, 2);
      ReplayEquivalenceTest.writeFile(fx, "/p/q/g" + i, 1);
    }
    nn.setQuota("/p/q", 60, MAX); // set on a populated directory: counted once now
    assertUsageIsExact(fx);
    nn.delete("/p/q/r/f0", false);
    nn.rename("/p/q/r/f1", "/out", RenameMode.NO_OVERWRITE);
    nn.rename("/p/q/g1", "/p/q/r/g1", RenameMode.NO_OVERWRITE);
    nn.setReplication("/p/q/r/f2", (short) 3);
    nn.concat("/p/q/r/f3", List.of("/p/q/g2"));
    nn.truncate("/p/q/g3", 500, "t");
    nn.delete("/p/q/r", true);
    assertUsageIsExact(fx);
    assertEquals(fx.ns.getState().tree().size(), Usage.walk(fx.ns.getState().tree().getRoot())[0]);

    String before = ReplayEquivalenceTest.dump(fx.ns.getState());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NamespaceImage.write(fx.ns.getState(), new DataOutputStream(bytes));
    NamesystemFixture loaded = new NamesystemFixture();
    loaded.ns.updateVolatileState(() -> {
      NamespaceImage.read(loaded.ns.getState(),
          new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      return null;
    });
    assertEquals(before, ReplayEquivalenceTest.dump(loaded.ns.getState()));
    assertUsageIsExact(loaded);
  }

  private static InodeDirectory dir(NamesystemFixture fx, String path) {
    return (InodeDirectory) fx.ns.getState().tree().get(path);
  }

  /** Every quota directory's counters equal a full walk of its subtree. */
  static void assertUsageIsExact(NamesystemFixture fx) {
    io.quire.namenode.namespace.Subtree.preOrder(fx.ns.getState().tree().getRoot(), i -> {
      if (i instanceof InodeDirectory d && d.getQuota() != null) {
        long[] walked = Usage.walk(d);
        assertEquals(walked[0], d.getQuota().nsUsed(), "names under " + d.getFullPath());
        assertEquals(walked[1], d.getQuota().ssUsed(), "space under " + d.getFullPath());
      }
    });
  }
}
