package io.quire.namenode;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.ops.NamespaceState;
import io.quire.namenode.storage.UnformattedStorageException;
import io.quire.namenode.testing.LocalNameNode;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.RenameMode;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.service.ServiceStateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** A real NameNode on a real storage directory, over Hadoop IPC, across restarts. */
@Timeout(120)
class NameNodeRestartTest {
  private File dir;
  private Configuration conf;
  private NameNode nn;

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    dir = TargetDirs.freshFile(info);
    conf = LocalNameNode.conf(dir);
    conf.setInt(NameNodeConfigKeys.HANDLER_COUNT_KEY, 2);
  }

  @AfterEach
  void tearDown() {
    if (nn != null) {
      nn.stop();
    }
  }

  private String dump(NameNode n) throws IOException {
    NamespaceState s = n.getNamesystem().getState();
    return n.getNamesystem().read(() -> {
      StringBuilder sb = new StringBuilder();
      s.tree().getRoot().getChildren().forEach(c -> dumpInto(c, "/" + c.getName(), sb));
      return sb.toString();
    });
  }

  private static void dumpInto(io.quire.namenode.namespace.Inode i, String p, StringBuilder sb) {
    sb.append(p).append(' ').append(i.getId()).append(' ').append(i.getPermission())
        .append(' ').append(i.getModificationTime()).append('\n');
    if (i instanceof io.quire.namenode.namespace.InodeDirectory d) {
      d.getChildren().forEach(c -> dumpInto(c, p + "/" + c.getName(), sb));
    }
  }

  /** What getAclStatus and getXAttrs answer for the paths, over IPC. */
  private static String aclsAndXAttrs(ClientProtocol c, String... paths) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String p : paths) {
      sb.append(p).append(' ').append(c.getFileInfo(p).getPermission()).append(' ')
          .append(c.getFileInfo(p).hasAcl()).append(' ')
          .append(c.getAclStatus(p).getEntries());
      new java.util.TreeMap<>(c.getXAttrs(p, java.util.List.of())).forEach((k, v) ->
          sb.append(' ').append(k).append('=').append(java.util.Arrays.toString(v)));
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void aclsAndXAttrsSurviveRestartWithAndWithoutCheckpoint() throws Exception {
    NameNode.format(conf, false);
    nn = LocalNameNode.start(conf);
    String[] paths = {"/a", "/a/child", "/a/f", "/b"};
    String before;
    ClientProtocol client = QuireRpc.createClientProxy(new Configuration(false),
        nn.getRpcAddress(), UserGroupInformation.getCurrentUser());
    try {
      client.mkdirs("/a", (short) 0755, true);
      client.setAcl("/a", org.apache.hadoop.fs.permission.AclEntry.parseAclSpec(
          "user::rwx,group::r-x,other::---,user:bob:rwx,default:group:eng:r-x", true));
      client.mkdirs("/a/child", (short) 0755, (short) 0777, false);
      client.setXAttr("/a/child", "user.k", new byte[] {1, 2},
          java.util.EnumSet.of(org.apache.hadoop.fs.XAttrSetFlag.CREATE));
      nn.saveCheckpointNow();
      client.create("/a/f", (short) 0644, (short) 0666, "c1", false, false, (short) 1, 1024);
      client.mkdirs("/b", (short) 0700, true);
      client.setXAttr("/b", "trusted.t", null,
          java.util.EnumSet.of(org.apache.hadoop.fs.XAttrSetFlag.CREATE));
      client.setXAttr("/a/child", "user.k", new byte[] {3},
          java.util.EnumSet.of(org.apache.hadoop.fs.XAttrSetFlag.REPLACE));
      before = aclsAndXAttrs(client, paths);
      assertTrue(before.contains("user:bob:rwx"), before);
    } finally {
      QuireRpc.stopProxy(client);
    }
    nn.stop();
    for (int round = 0; round < 2; round++) {
      nn = LocalNameNode.start(conf);
      client = QuireRpc.createClientProxy(new Configuration(false), nn.getRpcAddress(),
          UserGroupInformation.getCurrentUser());
      try {
        assertEquals(before, aclsAndXAttrs(client, paths), "round " + round);
      } finally {
        QuireRpc.stopProxy(client);
      }
      nn.saveCheckpointNow();
      nn.stop();
    }
    nn = null;
  }

  @Test
  void unformattedDirectoryIsAClearError() {
    NameNode n = new NameNode();
    n.init(conf);
    ServiceStateException e = assertThrows(ServiceStateException.class, n::start);
    assertInstanceOf(UnformattedStorageException.class, e.getCause());
    n.stop();
  }

  @Test
  void formatRefusesExistingDataWithoutForce() throws IOException {
    String id = NameNode.format(conf, false);
    assertThrows(IOException.class, () -> NameNode.format(conf, false));
    assertNotEquals(id, NameNode.format(conf, true));
  }

  @Test
  void stateSurvivesRestartWithAndWithoutCheckpoint() throws Exception {
    NameNode.format(conf, false);
    nn = LocalNameNode.start(conf);
    assertFalse(nn.isInSafeMode());
    Configuration clientConf = new Configuration(false);
    ClientProtocol client = QuireRpc.createClientProxy(clientConf, nn.getRpcAddress(),
        UserGroupInformation.getCurrentUser());
    try {
      for (int i = 0; i < 20; i++) {
        assertTrue(client.mkdirs("/d" + i + "/sub", (short) 0755, true));
      }
      client.rename("/d0", "/moved", RenameMode.NO_OVERWRITE);
      assertTrue(client.delete("/d1", true));
      nn.saveCheckpointNow();
      client.setPermission("/d2", (short) 0700);
      assertTrue(client.mkdirs("/after-checkpoint", (short) 0755, true));
      assertNotNull(client.getFileInfo("/moved/sub"));
    } finally {
      QuireRpc.stopProxy(client);
    }
    String before = dump(nn);
    nn.stop();

    nn = LocalNameNode.start(conf);
    assertEquals(before, dump(nn));
    nn.saveCheckpointNow();
    nn.stop();
    nn = LocalNameNode.start(conf);
    assertEquals(before, dump(nn));
    File current = new File(dir, "current");
    assertTrue(Files.list(current.toPath()).anyMatch(p -> p.getFileName().toString()
        .startsWith("fsimage")), "checkpoints are on disk");
  }

  /**
   * Issue 8 defect 5: with one checkpoint retained, a checkpoint purges every finished segment
   * below it; a restart must still find the journal's last txid (the image's) and start.
   */
  @Test
  void restartsAfterACheckpointThatPurgedEverySegmentWithOneImageRetained() throws Exception {
    conf.setInt(NameNodeConfigKeys.CHECKPOINT_RETAINED_KEY, 1);
    NameNode.format(conf, false);
    nn = LocalNameNode.start(conf);
    ClientProtocol client = QuireRpc.createClientProxy(new Configuration(false),
        nn.getRpcAddress(), UserGroupInformation.getCurrentUser());
    try {
      for (int i = 0; i < 5; i++) {
        assertTrue(client.mkdirs("/p" + i, (short) 0755, true));
      }
    } finally {
      QuireRpc.stopProxy(client);
    }
    nn.saveCheckpointNow();
    String before = dump(nn);
    nn.stop();
    nn = LocalNameNode.start(conf);
    assertEquals(before, dump(nn));
    nn.saveCheckpointNow(); // nothing new: an empty segment is all that is left
    nn.stop();
    nn = LocalNameNode.start(conf);
    assertEquals(before, dump(nn));
    client = QuireRpc.createClientProxy(new Configuration(false), nn.getRpcAddress(),
        UserGroupInformation.getCurrentUser());
    try {
      assertTrue(client.mkdirs("/after", (short) 0755, true));
    } finally {
      QuireRpc.stopProxy(client);
    }
    nn.stop();
    nn = LocalNameNode.start(conf);
    assertNotNull(nn.getNamesystem().read(() -> nn.getNamesystem().ops().reads()
        .getFileInfo("/after")));
  }
}
