package io.quire.namenode.namespace;

import static org.apache.hadoop.fs.permission.AclEntryScope.ACCESS;
import static org.apache.hadoop.fs.permission.AclEntryScope.DEFAULT;
import static org.apache.hadoop.fs.permission.AclEntryType.GROUP;
import static org.apache.hadoop.fs.permission.AclEntryType.MASK;
import static org.apache.hadoop.fs.permission.AclEntryType.OTHER;
import static org.apache.hadoop.fs.permission.AclEntryType.USER;

import io.quire.protocol.exceptions.AclException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclEntryScope;
import org.apache.hadoop.fs.permission.AclEntryType;
import org.apache.hadoop.fs.permission.FsAction;

/**
 * The ACL changes of HDFS's AclTransformation, on full logical ACLs (owner, group and other
 * entries included): merge (modifyAclEntries), filter by spec (removeAclEntries), drop the
 * default entries (removeDefaultAcl) and replace (setAcl). Each returns a sorted, validated
 * ACL: at most {@link #MAX_ENTRIES} entries, no duplicate (scope, type, name), no name on a
 * mask or other entry, the user/group/other entries present in each scope used. A scope whose
 * entries changed gets its mask recalculated (union of the group entry and every named entry)
 * unless the spec gave one; default user/group/other entries missing from a default ACL are
 * copied from the access ACL. Errors are {@link AclException}s with HDFS's messages.
 */
public final class AclTransformation {
  /** Most entries in an ACL (HDFS's limit). */
  public static final int MAX_ENTRIES = 32;

  /** Access before default; owner, named users, group, named groups, mask, other. */
  public static final Comparator<AclEntry> ORDER = Comparator
      .comparing(AclEntry::getScope)
      .thenComparing(AclEntry::getType)
      .thenComparing(AclEntry::getName, Comparator.nullsFirst(Comparator.naturalOrder()));

  private AclTransformation() {}

  public static List<AclEntry> merge(List<AclEntry> existing, List<AclEntry> spec)
      throws AclException {
    List<AclEntry> sorted = validSpec(spec);
    Change c = new Change();
    List<AclEntry> found = new ArrayList<>();
    for (AclEntry e : existing) {
      AclEntry s = find(sorted, e);
      if (s != null) {
        found.add(s);
        c.take(s, true);
      } else {
        c.take(e, false);
      }
    }
    for (AclEntry s : sorted) {
      if (find(found, s) == null) {
        c.take(s, true);
      }
    }
    return c.build();
  }

  public static List<AclEntry> filter(List<AclEntry> existing, List<AclEntry> spec)
      throws AclException {
    List<AclEntry> sorted = validSpec(spec);
    Change c = new Change();
    for (AclEntry e : existing) {
      if (find(sorted, e) != null) {
        c.dirtyScopes.add(e.getScope());
        if (e.getType() == MASK) {
          c.dirtyMasks.add(e.getScope());
        }
      } else {
        c.take(e, false);
      }
    }
    return c.build();
  }

  public static List<AclEntry> dropDefaults(List<AclEntry> existing) throws AclException {
    List<AclEntry> out = new ArrayList<>();
    for (AclEntry e : existing) {
      if (e.getScope() == ACCESS) {
        out.add(e);
      }
    }
    return validate(out);
  }

  public static List<AclEntry> replace(List<AclEntry> existing, List<AclEntry> spec)
      throws AclException {
    List<AclEntry> sorted = validSpec(spec);
    Change c = new Change();
    for (AclEntry s : sorted) {
      c.take(s, true);
    }
    for (AclEntry e : existing) {
      if (!c.dirtyScopes.contains(e.getScope())) {
        c.take(e, false);
      }
    }
    return c.build();
  }

  /** An ACL being built: its entries (masks apart), the masks given and what changed. */
  private static final class Change {
    final List<AclEntry> entries = new ArrayList<>();
    final Map<AclEntryScope, AclEntry> masks = new EnumMap<>(AclEntryScope.class);
    final Set<AclEntryScope> dirtyScopes = EnumSet.noneOf(AclEntryScope.class);
    final Set<AclEntryScope> dirtyMasks = EnumSet.noneOf(AclEntryScope.class);

    void take(AclEntry e, boolean fromSpec) {
      if (fromSpec) {
        dirtyScopes.add(e.getScope());
      }
      if (e.getType() == MASK) {
        masks.put(e.getScope(), e);
        if (fromSpec) {
          dirtyMasks.add(e.getScope());
        }
      } else {
        entries.add(e);
      }
    }

    List<AclEntry> build() throws AclException {
      copyDefaults(entries);
      addMasks();
      return validate(entries);
    }

    private void addMasks() throws AclException {
      Map<AclEntryScope, FsAction> union = new EnumMap<>(AclEntryScope.class);
      Set<AclEntryScope> present = EnumSet.noneOf(AclEntryScope.class);
      Set<AclEntryScope> needMask = EnumSet.noneOf(AclEntryScope.class);
      for (AclEntry e : entries) {
        present.add(e.getScope());
        if (e.getType() == GROUP || e.getName() != null) {
          union.merge(e.getScope(), e.getPermission(), FsAction::or);
        }
        if (e.getName() != null) {
          needMask.add(e.getScope());
        }
      }
      for (AclEntryScope scope : present) {
        AclEntry given = masks.get(scope);
        if (given == null && needMask.contains(scope) && dirtyMasks.contains(scope)) {
          throw new AclException("Invalid ACL: mask is required, but it was deleted.");
        } else if (given != null
            && (!dirtyScopes.contains(scope) || dirtyMasks.contains(scope))) {
          entries.add(given);
        } else if (needMask.contains(scope)) {
          entries.add(new AclEntry.Builder().setScope(scope).setType(MASK)
              .setPermission(union.get(scope)).build());
        }
      }
    }
  }

  /** Adds default user/group/other entries a default ACL lacks, copied from the access ACL. */
  private static void copyDefaults(List<AclEntry> entries) {
    entries.sort(ORDER);
    if (entries.stream().noneMatch(e -> e.getScope() == DEFAULT)) {
      return;
    }
    List<AclEntry> copies = new ArrayList<>(3);
    for (AclEntryType type : EnumSet.of(USER, GROUP, OTHER)) {
      if (find(entries, key(DEFAULT, type)) == null) {
        AclEntry access = find(entries, key(ACCESS, type));
        if (access != null) {
          copies.add(new AclEntry.Builder().setScope(DEFAULT).setType(type)
              .setPermission(access.getPermission()).build());
        }
      }
    }
    entries.addAll(copies);
  }

  private static List<AclEntry> validSpec(List<AclEntry> spec) throws AclException {
    if (spec.size() > MAX_ENTRIES) {
      throw new AclException("Invalid ACL: ACL spec has " + spec.size()
          + " entries, which exceeds maximum of " + MAX_ENTRIES + ".");
    }
    List<AclEntry> sorted = new ArrayList<>(spec);
    sorted.sort(ORDER);
    return sorted;
  }

  private static List<AclEntry> validate(List<AclEntry> acl) throws AclException {
    if (acl.size() > MAX_ENTRIES) {
      throw new AclException("Invalid ACL: ACL has " + acl.size()
          + " entries, which exceeds maximum of " + MAX_ENTRIES + ".");
    }
    acl.sort(ORDER);
    AclEntry prev = null;
    for (AclEntry e : acl) {
      if (prev != null && ORDER.compare(prev, e) == 0) {
        throw new AclException("Invalid ACL: multiple entries with same scope, type and name.");
      }
      if (e.getName() != null && (e.getType() == MASK || e.getType() == OTHER)) {
        throw new AclException("Invalid ACL: this entry type must not have a name: " + e + ".");
      }
      prev = e;
    }
    boolean hasDefault = acl.stream().anyMatch(e -> e.getScope() == DEFAULT);
    for (AclEntryType type : EnumSet.of(USER, GROUP, OTHER)) {
      if (find(acl, key(ACCESS, type)) == null) {
        throw new AclException("Invalid ACL: the user, group and other entries are required.");
      }
      if (hasDefault && find(acl, key(DEFAULT, type)) == null) {
        throw new AclException(
            "Invalid default ACL: the user, group and other entries are required.");
      }
    }
    return List.copyOf(acl);
  }

  private static AclEntry key(AclEntryScope scope, AclEntryType type) {
    return new AclEntry.Builder().setScope(scope).setType(type).build();
  }

  /** The entry of {@code acl} with the scope, type and name of {@code key}, or null. */
  static AclEntry find(List<AclEntry> acl, AclEntry key) {
    for (AclEntry e : acl) {
      if (ORDER.compare(e, key) == 0) {
        return e;
      }
    }
    return null;
  }
}
