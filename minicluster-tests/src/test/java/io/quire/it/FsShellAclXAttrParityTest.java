package io.quire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.QuireConfigKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclStatus;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * FsShell's ACL and extended attribute commands ({@code -setfacl}, {@code -getfacl},
 * {@code -setfattr}, {@code -getfattr}, and {@code -ls} showing '+') on Quire and on HDFS
 * (MiniDFSCluster): each command runs on both with the same arguments and must print the same
 * output and exit the same way, errors included (messages are not compared: Quire's name the
 * operation and path). Default ACLs and their inheritance by children and grandchildren (with
 * the umask), every xattr namespace as superuser and as an ordinary user, and the limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FsShellAclXAttrParityTest {
  private static final UserGroupInformation BOB =
      UserGroupInformation.createUserForTesting("bob", new String[] {"bobs"});

  private ShellParity parity;
  private MiniQuireCluster quire;
  private String put;

  @BeforeAll
  void startClusters() throws Exception {
    parity = ShellParity.start(getClass(), 1, 1,
        c -> c.setInt(QuireConfigKeys.REPLICATION_KEY, 1), c -> c.setInt("dfs.replication", 1));
    quire = parity.quire();
    put = parity.localFile("put.txt", "x\n");
  }

  @AfterAll
  void stopClusters() {
    if (parity != null) {
      parity.close();
    }
  }

  /** Runs on both as the superuser; equal exit code and output; returns Quire's. */
  private ShellResult same(String... args) throws Exception {
    return parity.same(args);
  }

  /** As {@link #same} but as the ordinary user bob. */
  private ShellResult sameAsBob(String... args) throws Exception {
    return parity.sameAs(BOB, args);
  }

  /** {@link #same}, and the command must succeed. */
  private ShellResult ok(String... args) throws Exception {
    return parity.ok(args);
  }

  private void failsOnBoth(String... args) throws Exception {
    parity.fails(args);
  }

  @Test
  void accessAndDefaultAclsAndInheritanceAsOnHdfs() throws Exception {
    ok("-mkdir", "-p", "/acl/dir");
    ok("-touchz", "/acl/file");
    ok("-setfacl", "-m", "user:bob:rwx,group:bobs:r--", "/acl/file");
    assertTrue(ok("-ls", "/acl").out().contains("-rw-rwxr--+"), "ls shows the '+'");
    ok("-getfacl", "/acl/file");
    ok("-setfacl", "-m", "default:user:bob:r-x,default:group::r-x,default:mask::rwx",
        "/acl/dir");
    ok("-getfacl", "/acl/dir");
    // Children and grandchildren inherit the default ACL; the umask does not apply there.
    ok("-mkdir", "/acl/dir/sub");
    ok("-touchz", "/acl/dir/f1");
    ok("-mkdir", "-p", "/acl/dir/a/b");
    ok("-put", put, "/acl/dir/a/b/put.txt");
    String inherited = ok("-getfacl", "-R", "/acl/dir").out();
    assertTrue(inherited.contains("# file: /acl/dir/a/b/put.txt\n# owner: "), inherited);
    assertTrue(inherited.contains("# file: /acl/dir/a/b\n"), inherited);
    assertTrue(inherited.substring(inherited.indexOf("# file: /acl/dir/a/b/put.txt"))
        .contains("user:bob:r-x"), inherited);
    ok("-ls", "-R", "/acl");
    // -x, -b, -k, --set, -R
    ok("-setfacl", "-x", "user:bob", "/acl/file");
    ok("-getfacl", "/acl/file");
    ok("-setfacl", "-b", "/acl/file");
    ok("-getfacl", "/acl/file");
    ok("-setfacl", "-k", "/acl/dir");
    ok("-getfacl", "/acl/dir");
    ok("-setfacl", "--set", "user::rwx,group::r-x,other::---,user:bob:r--", "/acl/file");
    ok("-getfacl", "/acl/file");
    ok("-setfacl", "-R", "-m", "user:carol:rw-", "/acl/dir");
    ok("-getfacl", "-R", "/acl/dir");
    ok("-setfacl", "-R", "--set",
        "user::rwx,group::r-x,other::---,default:user:bob:rwx", "/acl/dir/a");
    ok("-getfacl", "-R", "/acl/dir/a");
    // chmod changes the mask of an extended ACL
    ok("-chmod", "640", "/acl/file");
    ok("-getfacl", "/acl/file");
    ok("-ls", "/acl");
    // Errors: a default ACL on a file, a mask removed that named entries need, bad specs,
    // another user changing the ACL, a missing path.
    failsOnBoth("-setfacl", "-m", "default:user:bob:rwx", "/acl/file");
    failsOnBoth("-setfacl", "-x", "mask::", "/acl/file");
    failsOnBoth("-setfacl", "-m", "user:bob:rwz", "/acl/file");
    failsOnBoth("-setfacl", "-m", "user:bob:rwx", "/acl/none");
    assertNotEquals(0, sameAsBob("-setfacl", "-m", "user:bob:rwx", "/acl/file").exitCode());
    failsOnBoth("-getfacl", "/acl/none");
    ok("-setfacl", "-b", "/acl/dir/a");
    ok("-getfacl", "-R", "/acl/dir/a");
  }

  @Test
  void aclEntriesDecideAccessAsOnHdfs() throws Exception {
    ok("-mkdir", "-p", "/perm/open");
    ok("-chmod", "700", "/perm");
    assertNotEquals(0, sameAsBob("-ls", "/perm").exitCode(), "bob is other: ---");
    ok("-setfacl", "-m", "user:bob:r-x", "/perm");
    assertEquals(0, sameAsBob("-ls", "/perm").exitCode(), "bob's named entry");
    ok("-setfacl", "-m", "mask::---", "/perm");
    assertNotEquals(0, sameAsBob("-ls", "/perm").exitCode(), "the mask limits bob's entry");
    ok("-setfacl", "--set", "user::rwx,group::---,other::---,group:bobs:r-x", "/perm");
    assertEquals(0, sameAsBob("-ls", "/perm").exitCode(), "bob's group's named entry");
    ok("-setfacl", "-m", "user:bob:---", "/perm");
    assertNotEquals(0, sameAsBob("-ls", "/perm").exitCode(), "bob's entry before groups");
    ok("-setfacl", "--set", "user::rwx,group::---,other::r-x,group:bobs:---", "/perm");
    assertNotEquals(0, sameAsBob("-ls", "/perm").exitCode(), "a matching group, not other");
  }

  @Test
  void extendedAttributesInEveryNamespaceAsOnHdfs() throws Exception {
    ok("-mkdir", "-p", "/x/d");
    ok("-touchz", "/x/f");
    ok("-setfattr", "-n", "user.a", "-v", "hello", "/x/f");
    ok("-setfattr", "-n", "user.b", "-v", "0x0102ff", "/x/f");
    ok("-setfattr", "-n", "USER.c", "-v", "upper", "/x/f");
    ok("-setfattr", "-n", "user.empty", "/x/f");
    ok("-setfattr", "-n", "trusted.t", "-v", "secret", "/x/f");
    ok("-setfattr", "-n", "user.dir", "-v", "on a directory", "/x/d");
    ok("-getfattr", "-d", "/x/f");
    ok("-getfattr", "-d", "-e", "hex", "/x/f");
    ok("-getfattr", "-d", "-e", "base64", "/x/f");
    ok("-getfattr", "-n", "user.a", "/x/f");
    ok("-getfattr", "-n", "trusted.t", "/x/f");
    ok("-getfattr", "-R", "-d", "/x");
    ok("-setfattr", "-n", "user.a", "-v", "replaced", "/x/f");
    ok("-getfattr", "-n", "user.a", "/x/f");
    ok("-setfattr", "-x", "user.b", "/x/f");
    ok("-getfattr", "-d", "/x/f");
    // Errors: missing attribute, system.*, security.* other than the one allowed, no or
    // unknown namespace, empty name, a missing path.
    failsOnBoth("-setfattr", "-x", "user.none", "/x/f");
    failsOnBoth("-getfattr", "-n", "user.none", "/x/f");
    failsOnBoth("-setfattr", "-n", "system.s", "-v", "1", "/x/f");
    failsOnBoth("-getfattr", "-n", "system.s", "/x/f");
    failsOnBoth("-setfattr", "-n", "security.s", "-v", "1", "/x/f");
    failsOnBoth("-setfattr", "-n", "noprefix", "-v", "1", "/x/f");
    failsOnBoth("-setfattr", "-n", "bogus.a", "-v", "1", "/x/f");
    failsOnBoth("-setfattr", "-n", "user.", "-v", "1", "/x/f");
    failsOnBoth("-setfattr", "-n", "user.a", "-v", "1", "/x/none");
    // An ordinary user: trusted.* is neither visible nor settable; user.* needs permissions.
    ok("-chmod", "644", "/x/f");
    sameAsBob("-getfattr", "-d", "/x/f");
    assertNotEquals(0, sameAsBob("-getfattr", "-n", "trusted.t", "/x/f").exitCode());
    assertNotEquals(0, sameAsBob("-setfattr", "-n", "trusted.t", "-v", "1", "/x/f").exitCode());
    assertNotEquals(0, sameAsBob("-setfattr", "-n", "user.a", "-v", "1", "/x/f").exitCode());
    ok("-chmod", "600", "/x/f");
    assertNotEquals(0, sameAsBob("-getfattr", "-d", "/x/f").exitCode());
    ok("-chmod", "666", "/x/f");
    assertEquals(0, sameAsBob("-setfattr", "-n", "user.bob", "-v", "1", "/x/f").exitCode());
    ok("-getfattr", "-d", "/x/f");
  }

  @Test
  void extendedAttributeLimitsAsOnHdfs() throws Exception {
    ok("-touchz", "/lim");
    for (int i = 0; i < 32; i++) {
      assertEquals(0, ok("-setfattr", "-n", "user.n" + i, "-v", "v", "/lim").exitCode());
    }
    failsOnBoth("-setfattr", "-n", "user.n32", "-v", "v", "/lim");
    ok("-setfattr", "-n", "user.n0", "-v", "replacing does not add", "/lim");
    ok("-setfattr", "-x", "user.n1", "/lim");
    ok("-setfattr", "-n", "user.n32", "-v", "v", "/lim");
    ok("-getfattr", "-d", "/lim");
    ok("-touchz", "/big");
    String name = "user.big";
    String fits = "a".repeat(16384 - "big".length());
    assertEquals(0, ok("-setfattr", "-n", name, "-v", fits, "/big").exitCode());
    failsOnBoth("-setfattr", "-n", name, "-v", fits + "a", "/big");
    ok("-getfattr", "-d", "/big");
  }

  /** The AbstractFileSystem binding (FileContext) reaches the same calls. */
  @Test
  void fileContextExposesAclsAndXAttrs() throws Exception {
    FileContext fc = FileContext.getFileContext(quire.getURI(), quire.getConfiguration());
    Path p = new Path("/fc-acl");
    fc.mkdir(p, null, true);
    fc.modifyAclEntries(p, AclEntry.parseAclSpec("user:bob:r-x,default:user:bob:rwx", true));
    AclStatus s = fc.getAclStatus(p);
    assertEquals(AclEntry.parseAclSpec("user:bob:r-x,group::r-x,default:user::rwx,"
        + "default:user:bob:rwx,default:group::r-x,default:mask::rwx,default:other::r-x",
        true), s.getEntries());
    assertTrue(fc.getFileStatus(p).hasAcl());
    fc.setXAttr(p, "user.k", "v".getBytes(StandardCharsets.UTF_8));
    assertEquals("v", new String(fc.getXAttr(p, "user.k"), StandardCharsets.UTF_8));
    assertEquals(List.of("user.k"), fc.listXAttrs(p));
    fc.removeXAttr(p, "user.k");
    assertTrue(fc.getXAttrs(p).isEmpty());
    fc.removeAcl(p);
    assertFalse(fc.getFileStatus(p).hasAcl());
    FileSystem fs = FileSystem.get(quire.getURI(), quire.getConfiguration());
    assertTrue(fs.hasPathCapability(p, "fs.capability.paths.acls"));
    assertTrue(fs.hasPathCapability(p, "fs.capability.paths.xattrs"));
  }
}
