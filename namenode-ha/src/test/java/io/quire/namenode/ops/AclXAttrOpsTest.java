package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.image.CheckpointStore;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.namesystem.NamesystemLoader;
import io.quire.namenode.testing.InMemoryJournal;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.namenode.testing.StandbyPair;
import io.quire.namenode.testing.StateDump;
import io.quire.protocol.exceptions.AclException;
import io.quire.protocol.types.InodeStatus;
import io.quire.testing.TargetDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.HadoopIllegalArgumentException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * ACL and xattr operations on a namesystem: default ACL inheritance with the umask as HDFS
 * does it, errors, the xattr namespace rules, and durability: a standby replaying the journal
 * and a namesystem loaded from a checkpoint plus the journal end with the same ACLs and xattrs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AclXAttrOpsTest {
  private static final UserGroupInformation BOB =
      UserGroupInformation.createUserForTesting("bob", new String[] {"bobs"});
  private static final EnumSet<XAttrSetFlag> CREATE = EnumSet.of(XAttrSetFlag.CREATE);
  private static final EnumSet<XAttrSetFlag> ANY =
      EnumSet.of(XAttrSetFlag.CREATE, XAttrSetFlag.REPLACE);

  private static List<AclEntry> spec(String s) {
    return AclEntry.parseAclSpec(s, true);
  }

  private static <T> T asBob(PrivilegedExceptionAction<T> a) throws Exception {
    return BOB.doAs(a);
  }

  /** A parent with a default ACL: what children made with and without the unmasked mode get. */
  @Test
  void newChildrenInheritTheDefaultAclWithTheUnmaskedModeAsHdfs() throws Exception {
    NamesystemFixture fx = new NamesystemFixture();
    var nn = fx.client;
    nn.mkdirs("/p", (short) 0755, true);
    nn.modifyAclEntries("/p", spec("default:user:bob:rwx,default:group::r-x,default:mask::rwx"));
    // mkdir from a client with umask 022: masked 0755, unmasked 0777; the umask is ignored.
    nn.mkdirs("/p/c", (short) 0755, (short) 0777, false);
    assertEquals((short) 0775, nn.getFileInfo("/p/c").getPermission());
    assertEquals(spec("user:bob:rwx,group::r-x,default:user::rwx,default:user:bob:rwx,"
        + "default:group::r-x,default:mask::rwx,default:other::r-x"),
        nn.getAclStatus("/p/c").getEntries());
    // A client that sends no unmasked mode: the masked one filters owner, mask and other.
    nn.mkdirs("/p/old", (short) 0750, false);
    assertEquals((short) 0750, nn.getFileInfo("/p/old").getPermission());
    // A file: masked 0644, unmasked 0666; no default entries on files.
    nn.create("/p/f", (short) 0644, (short) 0666, "c1", false, false, (short) 1, 1024);
    InodeStatus f = nn.getFileInfo("/p/f");
    assertEquals((short) 0664, f.getPermission());
    assertTrue(f.hasAcl());
    assertEquals(spec("user:bob:rwx,group::r-x"), nn.getAclStatus("/p/f").getEntries());
    // A grandchild made with its missing parent inherits through it.
    nn.mkdirs("/p/c/g/h", (short) 0755, (short) 0777, true);
    assertEquals(nn.getAclStatus("/p/c").getEntries(), nn.getAclStatus("/p/c/g/h").getEntries());
    nn.create("/p/c/g/h/file", (short) 0600, (short) 0600, "c1", false, false, (short) 1, 1024);
    assertEquals((short) 0600, nn.getFileInfo("/p/c/g/h/file").getPermission());
    // Outside a default ACL the masked mode applies as it is and no ACL appears.
    nn.mkdirs("/q", (short) 0755, (short) 0777, false);
    assertEquals((short) 0755, nn.getFileInfo("/q").getPermission());
    assertFalse(nn.getFileInfo("/q").hasAcl());
    // A minimal default ACL filters the group entry with the mode: no extended ACL for files.
    nn.setAcl("/q", spec("default:user::rwx,default:group::rwx,default:other::r-x"));
    nn.create("/q/f", (short) 0644, (short) 0666, "c1", false, false, (short) 1, 1024);
    assertEquals((short) 0664, nn.getFileInfo("/q/f").getPermission());
    assertFalse(nn.getFileInfo("/q/f").hasAcl());
  }

  @Test
  void invalidAclsAreRefusedWithAclException() throws Exception {
    NamesystemFixture fx = new NamesystemFixture();
    var nn = fx.client;
    nn.mkdirs("/d", (short) 0755, true);
    nn.create("/d/f", (short) 0644, "c1", false, false, (short) 1, 1024);
    assertThrows(AclException.class, () -> nn.modifyAclEntries("/d/f",
        spec("default:user:bob:rwx")));
    StringBuilder many = new StringBuilder("user::rwx,group::r-x,other::---");
    for (int i = 0; i < 30; i++) {
      many.append(",user:u").append(i).append(":r--");
    }
    AclException e = assertThrows(AclException.class,
        () -> nn.setAcl("/d", spec(many.toString())));
    assertTrue(e.getMessage().contains("exceeds maximum of 32"), e.getMessage());
    nn.modifyAclEntries("/d", spec("user:bob:r-x"));
    assertThrows(AclException.class, () -> nn.removeAclEntries("/d",
        AclEntry.parseAclSpec("mask::", false)));
    assertThrows(AclException.class, () -> nn.setAcl("/d", spec("user:bob:rwx")));
    AccessControlException notOwner = assertThrows(AccessControlException.class,
        () -> asBob(() -> {
          nn.removeAcl("/d");
          return null;
        }));
    assertTrue(notOwner.getMessage().contains("not the owner"), notOwner.getMessage());
    nn.removeAcl("/d");
    assertEquals((short) 0755, nn.getFileInfo("/d").getPermission());
    assertFalse(nn.getFileInfo("/d").hasAcl());

    Configuration off = NamesystemFixture.defaultConf();
    off.setBoolean(NameNodeConfigKeys.ACLS_ENABLED_KEY, false);
    NamesystemFixture disabled = new NamesystemFixture(off, new InMemoryJournal());
    disabled.client.mkdirs("/d", (short) 0755, true);
    e = assertThrows(AclException.class,
        () -> disabled.client.modifyAclEntries("/d", spec("user:bob:r-x")));
    assertTrue(e.getMessage().contains(NameNodeConfigKeys.ACLS_ENABLED_KEY), e.getMessage());
  }

  @Test
  void xattrNamespacesFlagsAndLimitsFollowHdfs() throws Exception {
    Configuration conf = NamesystemFixture.defaultConf();
    conf.setInt(NameNodeConfigKeys.FS_LIMITS_MAX_XATTRS_PER_INODE_KEY, 2);
    conf.setInt(NameNodeConfigKeys.FS_LIMITS_MAX_XATTR_SIZE_KEY, 8);
    NamesystemFixture fx = new NamesystemFixture(conf, new InMemoryJournal());
    var nn = fx.client;
    nn.mkdirs("/x", (short) 0777, true);
    nn.create("/x/f", (short) 0644, "c1", false, false, (short) 1, 1024);
    nn.setXAttr("/x/f", "user.a", "1".getBytes(StandardCharsets.UTF_8), CREATE);
    assertThrows(IOException.class, () -> nn.setXAttr("/x/f", "user.a", null, CREATE));
    assertThrows(IOException.class,
        () -> nn.setXAttr("/x/f", "user.b", null, EnumSet.of(XAttrSetFlag.REPLACE)));
    nn.setXAttr("/x/f", "trusted.t", null, ANY);
    IOException full = assertThrows(IOException.class,
        () -> nn.setXAttr("/x/f", "user.c", null, ANY));
    assertTrue(full.getMessage().contains("limit of 2"), full.getMessage());
    assertThrows(HadoopIllegalArgumentException.class,
        () -> nn.setXAttr("/x/f", "user.abcd", new byte[5], ANY));
    assertThrows(HadoopIllegalArgumentException.class,
        () -> nn.setXAttr("/x/f", "nonamespace", null, ANY));
    assertThrows(AccessControlException.class,
        () -> nn.setXAttr("/x/f", "system.s", null, ANY));
    assertThrows(AccessControlException.class,
        () -> nn.setXAttr("/x/f", "security.s", null, ANY));
    assertEquals(List.of("trusted.t", "user.a"), nn.listXAttrs("/x/f"));
    // bob: read permission on the file lets him see user.*, never trusted.*
    assertEquals(List.of("user.a"), asBob(() -> nn.listXAttrs("/x/f")));
    assertThrows(AccessControlException.class,
        () -> asBob(() -> nn.getXAttrs("/x/f", List.of("trusted.t"))));
    assertThrows(AccessControlException.class, () -> asBob(() -> {
      nn.setXAttr("/x/f", "user.a", null, ANY);
      return null;
    }));
    assertThrows(AccessControlException.class, () -> asBob(() -> {
      nn.setXAttr("/x/f", "trusted.t", null, ANY);
      return null;
    }));
    Map<String, byte[]> got = nn.getXAttrs("/x/f", List.of("user.a"));
    assertArrayEquals("1".getBytes(StandardCharsets.UTF_8), got.get("user.a"));
    assertArrayEquals(new byte[0], nn.getXAttrs("/x/f", List.of()).get("trusted.t"));
    assertThrows(IOException.class, () -> nn.getXAttrs("/x/f", List.of("user.none")));
    nn.removeXAttr("/x/f", "user.a");
    assertThrows(IOException.class, () -> nn.removeXAttr("/x/f", "user.a"));
    assertEquals(List.of("trusted.t"), nn.listXAttrs("/x/f"));
  }

  /** ACLs and xattrs reach a standby through the journal, and a restart through a checkpoint. */
  @Test
  void aStandbyAndACheckpointKeepAclsAndXAttrs(TestInfo info) throws Exception {
    StandbyPair pair = new StandbyPair(0);
    var nn = pair.active.client;
    nn.mkdirs("/p/q", (short) 0755, true);
    nn.setAcl("/p", spec("user::rwx,group::r-x,other::---,user:bob:rwx,"
        + "default:user:bob:r-x"));
    nn.mkdirs("/p/inherited/deeper", (short) 0755, (short) 0777, true);
    nn.create("/p/f", (short) 0644, (short) 0666, "c1", false, false, (short) 1, 1024);
    nn.setXAttr("/p/f", "user.a", new byte[] {1, 2, 3}, ANY);
    nn.setXAttr("/p/f", "trusted.empty", null, ANY);
    nn.setXAttr("/p", "user.dir", new byte[0], ANY);
    nn.setXAttr("/p/q", "user.gone", new byte[] {9}, ANY);
    nn.removeXAttr("/p/q", "user.gone");
    nn.modifyAclEntries("/p/q", spec("group:bobs:r--"));
    nn.removeDefaultAcl("/p/inherited");
    pair.tail();
    String active = pair.active.ns.read(() -> StateDump.journaled(pair.active.ns.getState()));
    assertTrue(active.contains("user.a=010203"), active);
    assertTrue(active.contains("acl=["), active);
    assertEquals(active,
        pair.standby.ns.read(() -> StateDump.journaled(pair.standby.ns.getState())));

    Path dir = TargetDirs.fresh(info);
    NamesystemFixture fx = pair.active;
    long txId = fx.ns.getLastAppliedTxId();
    CheckpointStore store = new CheckpointStore(dir);
    fx.ns.read(() -> {
      store.saveAndSync(txId, out -> NamespaceImage.write(fx.ns.getState(), out));
      return null;
    });
    nn.setXAttr("/p/f", "user.after", new byte[] {4}, ANY);
    nn.removeAcl("/p/q");
    String expected = fx.ns.read(() -> StateDump.journaled(fx.ns.getState()));
    Namesystem restarted = new Namesystem(NameNodeOptions.from(fx.conf),
        NamesystemFixture.CLUSTER_ID, new CallerResolver(fx.superUser, "supergroup"),
        fx.clock::get);
    NamesystemLoader.load(restarted, fx.journal, store);
    assertEquals(expected, restarted.read(() -> StateDump.journaled(restarted.getState())));
  }
}
