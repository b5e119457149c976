package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.DeepEquals.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.protocol.types.RenameMode;
import io.quire.protocol.types.SafeModeAction;
import io.quire.protocol.types.ServerDefaults;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclStatus;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every ClientProtocol method over a real IPC connection: the server implementation receives
 * the arguments the client passed (nulls included) and the client gets back what it returned.
 */
class ClientProtocolWireTest {
  private static RpcFixture fixture;
  private static ClientProtocol nn;

  @FunctionalInterface
  private interface ClientCall<R> {
    R call(ClientProtocol p) throws IOException;
  }

  @BeforeAll
  static void startServer() throws IOException {
    fixture = RpcFixture.start();
    nn = fixture.newClientProxy();
  }

  @AfterAll
  static void stopServer() {
    fixture.close();
  }

  @BeforeEach
  void resetScript() {
    fixture.client.reset();
  }

  /** Scripts {@code answer}, calls, and checks both directions of the round trip. */
  private static <R> void check(String method, R answer, ClientCall<R> call,
      Object... expectedArgs) throws IOException {
    fixture.client.returns(method, answer);
    R got = call.call(nn);
    assertDeepEquals(answer, got);
    assertDeepEquals(Arrays.asList(expectedArgs), fixture.client.lastCall(method).args());
  }

  private static void checkVoid(String method, ClientCall<Void> call, Object... expectedArgs)
      throws IOException {
    check(method, null, call, expectedArgs);
  }

  @Test
  void namespaceReadsRoundTrip() throws IOException {
    check("getServerDefaults", new ServerDefaults(128L << 20, 512, 65536, (short) 3, 1 << 20),
        ClientProtocol::getServerDefaults);
    check("getFileInfo", Samples.file("/a/f"), p -> p.getFileInfo("/a/f"), "/a/f");
    check("getFileInfo", Samples.dir("/a"), p -> p.getFileInfo("/a"), "/a");
    // the 2-argument call arrives as a listing without locations
    check("getListing", new DirectoryListing(List.of(Samples.dir("/a/d"), Samples.file("/a/f")),
        3), p -> p.getListing("/a", ""), "/a", "", false);
    check("getListing", new DirectoryListing(List.of(), 0), p -> p.getListing("/e", null),
        "/e", null, false);
    check("getListing", new DirectoryListing(List.of(Samples.dir("/a/d"), Samples.file("/a/f")),
        0, List.of(new LocatedBlocks(0, List.of(), false, true), new LocatedBlocks(9000,
            List.of(Samples.locatedBlock(1), Samples.locatedBlock(2)), false, true))),
        p -> p.getListing("/a", "", true), "/a", "", true);
    check("getContentSummary", new ContentSummaryInfo(10, 2, 3, 30),
        p -> p.getContentSummary("/a"), "/a");
    check("getBlockLocations", new LocatedBlocks(9000,
        List.of(Samples.locatedBlock(1), Samples.locatedBlock(2)), true, false),
        p -> p.getBlockLocations("/a/f", 5, 9000), "/a/f", 5L, 9000L);
    check("isFileClosed", true, p -> p.isFileClosed("/a/f"), "/a/f");
    check("getStats", new FsStats(100, 40, 60, 1, 2, 3), ClientProtocol::getStats);
    check("getDataNodeReport", List.of(Samples.datanode(1), Samples.bareDataNode(2)),
        ClientProtocol::getDataNodeReport);
    check("getDataNodeReport", List.of(), ClientProtocol::getDataNodeReport);
  }

  @Test
  void missingFileInfoArrivesAsNull() throws IOException {
    fixture.client.returns("getFileInfo", null);
    assertNull(nn.getFileInfo("/missing"));
  }

  @Test
  void namespaceChangesRoundTrip() throws IOException {
    check("mkdirs", true, p -> p.mkdirs("/a/b", (short) 0755, true), "/a/b", (short) 0755, true);
    check("delete", false, p -> p.delete("/gone", true), "/gone", true);
    for (RenameMode mode : RenameMode.values()) {
      checkVoid("rename", p -> {
        p.rename("/s", "/d", mode);
        return null;
      }, "/s", "/d", mode);
    }
    checkVoid("setPermission", p -> {
      p.setPermission("/a", (short) 01777);
      return null;
    }, "/a", (short) 01777);
    checkVoid("setOwner", p -> {
      p.setOwner("/a", "bob", null);
      return null;
    }, "/a", "bob", null);
    checkVoid("setOwner", p -> {
      p.setOwner("/a", null, "staff");
      return null;
    }, "/a", null, "staff");
    checkVoid("setTimes", p -> {
      p.setTimes("/a", -1, 42);
      return null;
    }, "/a", -1L, 42L);
    check("setReplication", true, p -> p.setReplication("/a/f", (short) 2), "/a/f", (short) 2);
    checkVoid("concat", p -> {
      p.concat("/t", List.of("/s1", "/s2"));
      return null;
    }, "/t", List.of("/s1", "/s2"));
    check("truncate", false, p -> p.truncate("/a/f", 100, "c1"), "/a/f", 100L, "c1");
    for (SafeModeAction action : SafeModeAction.values()) {
      check("setSafeMode", action != SafeModeAction.LEAVE, p -> p.setSafeMode(action), action);
    }
  }

  @Test
  void writePathRoundTrips() throws IOException {
    check("create", Samples.file("/w"),
        p -> p.create("/w", (short) 0644, "c1", true, false, (short) 3, 1L << 27),
        "/w", (short) 0644, "c1", true, false, (short) 3, 1L << 27);
    check("append", Samples.locatedBlock(7), p -> p.append("/w", "c1"), "/w", "c1");
    check("addBlock", Samples.locatedBlock(8),
        p -> p.addBlock("/w", 16385, "c1", Samples.block(7), List.of("uuid-1", "uuid-2"), "h1"),
        "/w", 16385L, "c1", Samples.block(7), List.of("uuid-1", "uuid-2"), "h1");
    checkVoid("abandonBlock", p -> {
      p.abandonBlock("/w", 16385, "c1", Samples.block(8));
      return null;
    }, "/w", 16385L, "c1", Samples.block(8));
    checkVoid("fsync", p -> {
      p.fsync("/w", 16385, "c1", 777);
      return null;
    }, "/w", 16385L, "c1", 777L);
    check("complete", true, p -> p.complete("/w", 16385, "c1", Samples.block(8)),
        "/w", 16385L, "c1", Samples.block(8));
    checkVoid("renewLease", p -> {
      p.renewLease("c1");
      return null;
    }, "c1");
    check("recoverLease", false, p -> p.recoverLease("/w", "c2"), "/w", "c2");
  }

  @Test
  void nullBlocksAndHostsArriveAsNull() throws IOException {
    fixture.client.returns("append", null);
    assertNull(nn.append("/w", "c1"));
    check("addBlock", Samples.locatedBlock(1),
        p -> p.addBlock("/w", 1, "c1", null, List.of(), null), "/w", 1L, "c1", null, List.of(),
        null);
    check("complete", false, p -> p.complete("/empty", 2, "c1", null), "/empty", 2L, "c1",
        null);
  }

  @Test
  void pipelineRecoveryRoundTrips() throws IOException {
    checkVoid("reportBadBlocks", p -> {
      p.reportBadBlocks(List.of(Samples.locatedBlock(3), Samples.locatedBlock(4)));
      return null;
    }, List.of(Samples.locatedBlock(3), Samples.locatedBlock(4)));
    check("updateBlockForPipeline", Samples.locatedBlock(5),
        p -> p.updateBlockForPipeline(Samples.block(5), "c1"), Samples.block(5), "c1");
    checkVoid("updatePipeline", p -> {
      p.updatePipeline("c1", Samples.block(5), Samples.block(5).withGenerationStamp(2000),
          List.of(Samples.datanode(1), Samples.datanode(4)));
      return null;
    }, "c1", Samples.block(5), Samples.block(5).withGenerationStamp(2000),
        List.of(Samples.datanode(1), Samples.datanode(4)));
    check("getAdditionalDataNodes", List.of(Samples.datanode(9)),
        p -> p.getAdditionalDataNodes("/w", 16385, Samples.block(5),
            List.of(Samples.datanode(1)), List.of("uuid-2"), 1, "c1"),
        "/w", 16385L, Samples.block(5), List.of(Samples.datanode(1)), List.of("uuid-2"), 1,
        "c1");
  }

  @Test
  void unmaskedPermissionsAndAclFlagRoundTrip() throws IOException {
    check("mkdirs", true, p -> p.mkdirs("/a/b", (short) 0755, (short) 0777, true), "/a/b",
        (short) 0755, (short) 0777, true);
    InodeStatus withAcl = new InodeStatus("/w", 16390, false, 0, (short) 1, 1024, 1, 2,
        (short) 0770, "o", "g", 0, true, "e", true);
    check("create", withAcl,
        p -> p.create("/w", (short) 0644, (short) 0666, "c1", true, false, (short) 3, 1024),
        "/w", (short) 0644, (short) 0666, "c1", true, false, (short) 3, 1024L);
  }

  @Test
  void aclAndXAttrCallsRoundTrip() throws IOException {
    List<AclEntry> spec = AclEntry.parseAclSpec("user:bob:r-x,default:group:g:rwx", true);
    List<AclEntry> names = AclEntry.parseAclSpec("user:bob,default:mask::", false);
    checkVoid("modifyAclEntries", p -> {
      p.modifyAclEntries("/a", spec);
      return null;
    }, "/a", spec);
    checkVoid("removeAclEntries", p -> {
      p.removeAclEntries("/a", names);
      return null;
    }, "/a", names);
    checkVoid("setAcl", p -> {
      p.setAcl("/a", spec);
      return null;
    }, "/a", spec);
    checkVoid("removeDefaultAcl", p -> {
      p.removeDefaultAcl("/a");
      return null;
    }, "/a");
    checkVoid("removeAcl", p -> {
      p.removeAcl("/a");
      return null;
    }, "/a");
    AclStatus status = new AclStatus.Builder().owner("o").group("g").stickyBit(true)
        .addEntries(spec).setPermission(new FsPermission((short) 01750)).build();
    fixture.client.returns("getAclStatus", status);
    AclStatus got = nn.getAclStatus("/a");
    assertEquals(status, got);
    assertEquals(status.getPermission(), got.getPermission());
    checkVoid("setXAttr", p -> {
      p.setXAttr("/a", "user.k", null, EnumSet.of(XAttrSetFlag.CREATE));
      return null;
    }, "/a", "user.k", null, EnumSet.of(XAttrSetFlag.CREATE));
    check("listXAttrs", List.of("user.a", "trusted.b"), p -> p.listXAttrs("/a"), "/a");
    checkVoid("removeXAttr", p -> {
      p.removeXAttr("/a", "user.k");
      return null;
    }, "/a", "user.k");
    Map<String, byte[]> values = new LinkedHashMap<>();
    values.put("user.a", new byte[] {1, 2});
    values.put("user.b", new byte[0]);
    fixture.client.returns("getXAttrs", values);
    Map<String, byte[]> back = nn.getXAttrs("/a", List.of("user.a", "user.b"));
    assertEquals(values.keySet(), back.keySet());
    assertArrayEquals(values.get("user.a"), back.get("user.a"));
    assertArrayEquals(new byte[0], back.get("user.b"));
    assertEquals(List.of("/a", List.of("user.a", "user.b")),
        fixture.client.lastCall("getXAttrs").args());
  }

  @Test
  void snapshotCallsRoundTrip() throws IOException {
    checkVoid("allowSnapshot", p -> {
      p.allowSnapshot("/d");
      return null;
    }, "/d");
    checkVoid("disallowSnapshot", p -> {
      p.disallowSnapshot("/d");
      return null;
    }, "/d");
    check("createSnapshot", "/d/.snapshot/s1", p -> p.createSnapshot("/d", "s1"), "/d", "s1");
    check("createSnapshot", "/d/.snapshot/s2", p -> p.createSnapshot("/d", null), "/d", null);
    checkVoid("deleteSnapshot", p -> {
      p.deleteSnapshot("/d", "s1");
      return null;
    }, "/d", "s1");
    checkVoid("renameSnapshot", p -> {
      p.renameSnapshot("/d", "s1", "s2");
      return null;
    }, "/d", "s1", "s2");
    List<io.quire.protocol.types.SnapshotDiffEntry> diff = List.of(
        new io.quire.protocol.types.SnapshotDiffEntry("M", "", null),
        new io.quire.protocol.types.SnapshotDiffEntry("R", "a", "b"));
    check("getSnapshotDiffReport", diff, p -> p.getSnapshotDiffReport("/d", "s1", "."), "/d",
        "s1", ".");
    assertEquals("R\t./a -> ./b", diff.get(1).toString());
    InodeStatus st = new InodeStatus("/d", 16390, true, 0, (short) 0, 0, 1, 2,
        (short) 0755, "o", "g", 3, false, "", false);
    fixture.client.returns("getSnapshottableDirListing",
        List.of(new io.quire.protocol.types.SnapshottableDirectory(st, 2, 65536)));
    var got = nn.getSnapshottableDirListing();
    assertEquals(1, got.size());
    assertEquals("/d", got.get(0).status().getPath());
    assertEquals(3, got.get(0).status().getChildrenCount());
    assertEquals(2, got.get(0).snapshotCount());
    assertEquals(65536, got.get(0).snapshotQuota());
  }

  @Test
  void quotaCallsRoundTrip() throws IOException {
    checkVoid("setQuota", p -> {
      p.setQuota("/q", 10, Long.MAX_VALUE);
      return null;
    }, "/q", 10L, Long.MAX_VALUE);
    checkVoid("setQuota", p -> {
      p.setQuota("/q", -1, -1);
      return null;
    }, "/q", -1L, -1L);
    check("getQuotaUsage", new org.apache.hadoop.fs.QuotaUsage.Builder()
        .fileAndDirectoryCount(7).quota(10).spaceConsumed(3000).spaceQuota(-1).build(),
        p -> p.getQuotaUsage("/q"), "/q");
    check("getContentSummary", new ContentSummaryInfo(10, 2, 3, 30, 100, 4096),
        p -> p.getContentSummary("/q"), "/q");
  }

  @Test
  void booleanResultsKeepTheirValue() throws IOException {
    fixture.client.returns("mkdirs", false);
    assertFalse(nn.mkdirs("/x", (short) 0755, false));
    fixture.client.returns("mkdirs", true);
    assertTrue(nn.mkdirs("/x", (short) 0755, false));
  }
}
