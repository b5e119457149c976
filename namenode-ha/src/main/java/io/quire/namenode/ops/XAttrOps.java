package io.quire.namenode.ops;

import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeFeatures;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ReservedPaths;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.records.EditRecord.RemoveXAttr;
import io.quire.namenode.records.EditRecord.SetXAttr;
import io.quire.protocol.types.XAttrName;
import io.quire.protocol.types.XAttrName.Namespace;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.HadoopIllegalArgumentException;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

/**
 * The extended attribute operations with HDFS's rules (FSDirXAttrOp, XAttrPermissionFilter):
 * <ul>
 *   <li>user.*: get and list need read permission on the inode; set and remove need write
 *       permission (on a directory with the sticky bit: its ownership);</li>
 *   <li>trusted.*: the superuser only (others neither see nor change them);</li>
 *   <li>security.*: only {@code security.hdfs.unreadable.by.superuser}, on files, without a
 *       value, never removed;</li>
 *   <li>system.* and raw.*: never accessible to clients.</li>
 * </ul>
 * Limits: {@code quire.namenode.fs-limits.max-xattrs-per-inode} user-visible (user. and
 * trusted.) attributes per inode, {@code max-xattr-size} bytes of name (without namespace)
 * plus value. CREATE/REPLACE flags as XAttrSetFlag.validate.
 */
public final class XAttrOps {
  /** The one security.* attribute clients may set (HDFS's). */
  public static final String UNREADABLE_BY_SUPERUSER = "security.hdfs.unreadable.by.superuser";

  private final OpContext ctx;

  public XAttrOps(OpContext ctx) {
    this.ctx = ctx;
  }

  public OpResult<Void> setXAttr(String path, String name, byte[] value,
      EnumSet<XAttrSetFlag> flags) throws IOException {
    String op = "setXAttr " + path;
    XAttrName x = XAttrName.parse(name);
    int size = x.name().getBytes(StandardCharsets.UTF_8).length
        + (value == null ? 0 : value.length);
    int max = ctx.options().maxXAttrSize();
    if (size > max) {
      throw new HadoopIllegalArgumentException("The XAttr is too big. The maximum combined size"
          + " of the name and value is " + max + ", but the total size is " + size + " ("
          + op + ", " + x.prefixed() + ")");
    }
    PermissionChecker pc = ctx.checker();
    checkApi(pc, x, value, op);
    ReservedPaths.checkNotReserved(path, "setXAttr");
    Inode i = resolve(path, "setXAttr", pc);
    checkChange(pc, i, x);
    InodeFeatures f = i.getFeatures();
    boolean exists = f != null && f.xattrIndex(x.prefixed()) >= 0;
    XAttrSetFlag.validate(x.name(), exists, flags == null
        ? EnumSet.noneOf(XAttrSetFlag.class) : flags);
    if (!exists && visible(x.namespace())) {
      int count = 0;
      for (int k = 0; f != null && k < f.xattrCount(); k++) {
        if (visible(XAttrName.parse(f.xattrName(k)).namespace())) {
          count++;
        }
      }
      if (count + 1 > ctx.options().maxXAttrsPerInode()) {
        throw new IOException("Cannot add additional XAttr to inode, would exceed limit of "
            + ctx.options().maxXAttrsPerInode() + " (" + op + ", " + x.prefixed() + ")");
      }
    }
    if (x.prefixed().equals(UNREADABLE_BY_SUPERUSER) && i.isDirectory()) {
      throw new IOException("Can only set '" + UNREADABLE_BY_SUPERUSER + "' on a file ("
          + op + ")");
    }
    return OpResult.of(new SetXAttr(i.getFullPath(), x.prefixed(), value), null);
  }

  public OpResult<Void> removeXAttr(String path, String name) throws IOException {
    String op = "removeXAttr " + path;
    XAttrName x = XAttrName.parse(name);
    PermissionChecker pc = ctx.checker();
    checkApi(pc, x, null, op);
    ReservedPaths.checkNotReserved(path, "removeXAttr");
    Inode i = resolve(path, "removeXAttr", pc);
    checkChange(pc, i, x);
    if (x.prefixed().equals(UNREADABLE_BY_SUPERUSER)) {
      throw new AccessControlException("The xattr '" + UNREADABLE_BY_SUPERUSER
          + "' can not be deleted (" + op + ")");
    }
    InodeFeatures f = i.getFeatures();
    if (f == null || f.xattrIndex(x.prefixed()) < 0) {
      throw new IOException("No matching attributes found for remove operation (" + op + ", "
          + x.prefixed() + ")");
    }
    return OpResult.of(new RemoveXAttr(i.getFullPath(), x.prefixed()), null);
  }

  /** In the inode's order (the latest set first), as HDFS answers. */
  public Map<String, byte[]> getXAttrs(String path, List<String> names) throws IOException {
    String op = "getXAttrs " + path;
    PermissionChecker pc = ctx.checker();
    List<XAttrName> wanted = new ArrayList<>(names.size());
    for (String n : names) {
      XAttrName x = XAttrName.parse(n);
      checkApi(pc, x, null, op);
      wanted.add(x);
    }
    Inode i = resolve(path, "getXAttrs", pc);
    pc.check(i, FsAction.READ);
    Map<String, byte[]> readable = readable(pc, i);
    if (wanted.isEmpty()) {
      return readable;
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (XAttrName x : wanted) {
      if (!readable.containsKey(x.prefixed())) {
        throw new IOException("At least one of the attributes provided was not found. ("
            + op + ", " + x.prefixed() + ")");
      }
      out.put(x.prefixed(), readable.get(x.prefixed()));
    }
    return out;
  }

  public List<String> listXAttrs(String path) throws IOException {
    PermissionChecker pc = ctx.checker();
    Inode i = resolve(path, "listXAttrs", pc);
    pc.check(i, FsAction.READ);
    return List.copyOf(readable(pc, i).keySet());
  }

  /** The attributes of {@code i} the caller may see (values: empty arrays for none). */
  private static Map<String, byte[]> readable(PermissionChecker pc, Inode i) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    InodeFeatures f = i.getFeatures();
    for (int k = 0; f != null && k < f.xattrCount(); k++) {
      String name = f.xattrName(k);
      Namespace ns = XAttrName.parse(name).namespace();
      if (ns == Namespace.USER || (ns == Namespace.TRUSTED && pc.isSuperUser())
          || name.equals(UNREADABLE_BY_SUPERUSER)) {
        byte[] v = f.xattrValue(k);
        out.put(name, v == null ? new byte[0] : v.clone());
      }
    }
    return out;
  }

  /** HDFS's XAttrPermissionFilter.checkPermissionForApi. */
  private static void checkApi(PermissionChecker pc, XAttrName x, byte[] value, String op)
      throws AccessControlException {
    if (x.namespace() == Namespace.USER
        || (x.namespace() == Namespace.TRUSTED && pc.isSuperUser())) {
      return;
    }
    if (x.prefixed().equals(UNREADABLE_BY_SUPERUSER)) {
      if (value != null && value.length > 0) {
        throw new AccessControlException("Attempt to set a value for '"
            + UNREADABLE_BY_SUPERUSER + "'. Values are not allowed for this xattr. (" + op
            + ")");
      }
      return;
    }
    throw new AccessControlException("User doesn't have permission for xattr: "
        + x.prefixed() + " (" + op + ")");
  }

  /** Changing a user.* attribute needs write access (ownership on a sticky directory). */
  private void checkChange(PermissionChecker pc, Inode i, XAttrName x)
      throws AccessControlException {
    if (x.namespace() != Namespace.USER) {
      return;
    }
    if (i.isDirectory() && (i.getPermission() & 01000) != 0) {
      pc.checkOwner(i);
    } else {
      pc.check(i, FsAction.WRITE);
    }
  }

  private static boolean visible(Namespace ns) {
    return ns == Namespace.USER || ns == Namespace.TRUSTED;
  }

  private Inode resolve(String path, String op, PermissionChecker pc) throws IOException {
    ResolvedPath p = ctx.state().tree().resolve(
        ReservedPaths.toCurrentPath(ctx.state().tree(), path, op), op);
    pc.checkTraverse(p, p.depth());
    if (!p.exists()) {
      throw new FileNotFoundException(op + " " + p.path() + ": no such file or directory");
    }
    return p.last();
  }
}
