package io.quire.namenode.namespace;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HDFS's checkAccessAcl on an inode with an extended ACL: the owner entry for the owner, a
 * named user entry limited by the mask, the matching group entries each limited by the mask
 * (a caller in a matching group that grants nothing is refused, not judged as other), else
 * the other entry.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AclCheckTest {
  private InodeDirectory dir;

  @BeforeEach
  void setUp() {
    dir = new InodeDirectory(16390, "d", (short) 0750, "alice", "staff", 1);
  }

  /** Gives {@code dir} the ACL {@code spec} (full access ACL), as setAcl would store it. */
  private void acl(String spec) throws Exception {
    List<AclEntry> full = org.apache.hadoop.fs.permission.AclEntry.parseAclSpec(spec, true);
    List<AclEntry> sorted = AclTransformation.replace(Acls.logical(dir), full);
    Acls.Stored s = Acls.store(dir, sorted);
    dir.setPermission(s.permission());
    dir.setAcl(s.entries());
  }

  private static PermissionChecker as(String user, String... groups) {
    return new PermissionChecker(new Caller(user, () -> List.of(groups), false), true);
  }

  @Test
  void theOwnerEntryAloneDecidesForTheOwner() throws Exception {
    acl("user::---,user:alice:rwx,group::rwx,mask::rwx,other::rwx");
    assertThrows(AccessControlException.class, () -> as("alice", "staff").check(dir,
        FsAction.READ));
  }

  @Test
  void aNamedUserEntryIsLimitedByTheMask() throws Exception {
    acl("user::rwx,user:bob:rwx,group::---,mask::r-x,other::---");
    assertDoesNotThrow(() -> as("bob").check(dir, FsAction.READ_EXECUTE));
    assertThrows(AccessControlException.class, () -> as("bob").check(dir, FsAction.WRITE));
    acl("user::rwx,user:bob:rwx,group::---,mask::---,other::rwx");
    // bob's own entry decides: other's rwx does not help him.
    assertThrows(AccessControlException.class, () -> as("bob").check(dir, FsAction.READ));
    assertDoesNotThrow(() -> as("carol").check(dir, FsAction.READ));
  }

  @Test
  void namedGroupsCountEachOnItsOwnLimitedByTheMask() throws Exception {
    acl("user::rwx,group::r--,group:eng:--x,group:ops:r--,mask::rwx,other::rwx");
    assertDoesNotThrow(() -> as("dave", "eng", "ops").check(dir, FsAction.READ));
    assertDoesNotThrow(() -> as("dave", "eng", "ops").check(dir, FsAction.EXECUTE));
    // No single matching entry grants r-x, and a matching group never falls back to other.
    assertThrows(AccessControlException.class,
        () -> as("dave", "eng", "ops").check(dir, FsAction.READ_EXECUTE));
    assertThrows(AccessControlException.class,
        () -> as("erin", "eng").check(dir, FsAction.READ));
    // The owning group's entry, through the mask.
    assertDoesNotThrow(() -> as("frank", "staff").check(dir, FsAction.READ));
    acl("user::rwx,group::r--,group:eng:--x,mask::--x,other::rwx");
    assertThrows(AccessControlException.class,
        () -> as("frank", "staff").check(dir, FsAction.READ));
    assertDoesNotThrow(() -> as("gina", "nobody").check(dir, FsAction.ALL));
  }

  @Test
  void aDefaultAclAloneChangesNothingForAccess() throws Exception {
    dir.setPermission((short) 0750);
    dir.setAcl(AclTransformation.replace(Acls.logical(dir), AclEntry.parseAclSpec(
        "default:user:bob:rwx", true)).subList(3, 8));
    assertThrows(AccessControlException.class, () -> as("bob").check(dir, FsAction.READ));
    assertDoesNotThrow(() -> as("carol", "staff").check(dir, FsAction.READ_EXECUTE));
  }
}
