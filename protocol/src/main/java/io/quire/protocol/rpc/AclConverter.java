package io.quire.protocol.rpc;

import io.quire.protocol.proto.QuireTypesProtos.AclEntryProto;
import io.quire.protocol.proto.QuireTypesProtos.AclEntryScopeProto;
import io.quire.protocol.proto.QuireTypesProtos.AclEntryTypeProto;
import io.quire.protocol.proto.QuireTypesProtos.AclStatusProto;
import io.quire.protocol.proto.QuireTypesProtos.XAttrProto;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclEntryScope;
import org.apache.hadoop.fs.permission.AclEntryType;
import org.apache.hadoop.fs.permission.AclStatus;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.thirdparty.protobuf.ByteString;

/**
 * Converts ACL entries and statuses, extended attributes and XAttrSetFlag sets between their
 * Hadoop and protobuf forms. Permissions travel as FsAction ordinals (0-7; absent for the
 * permission-less entries of a removeAclEntries spec) and the flag set as bits (1 = CREATE,
 * 2 = REPLACE).
 */
public final class AclConverter {
  private static final FsAction[] ACTIONS = FsAction.values();

  private AclConverter() {}

  public static AclEntryProto toProto(AclEntry e) {
    AclEntryProto.Builder b = AclEntryProto.newBuilder()
        .setScope(AclEntryScopeProto.forNumber(e.getScope().ordinal()))
        .setType(AclEntryTypeProto.forNumber(e.getType().ordinal()));
    if (e.getPermission() != null) {
      b.setPermission(e.getPermission().ordinal());
    }
    if (e.getName() != null) {
      b.setName(e.getName());
    }
    return b.build();
  }

  public static AclEntry toAclEntry(AclEntryProto p) {
    AclEntry.Builder b = new AclEntry.Builder()
        .setScope(AclEntryScope.values()[p.getScope().getNumber()])
        .setType(AclEntryType.values()[p.getType().getNumber()]);
    if (p.hasPermission()) {
      b.setPermission(ACTIONS[p.getPermission() & 7]);
    }
    if (p.hasName()) {
      b.setName(p.getName());
    }
    return b.build();
  }

  public static List<AclEntryProto> toProtos(List<AclEntry> entries) {
    List<AclEntryProto> out = new ArrayList<>(entries.size());
    entries.forEach(e -> out.add(toProto(e)));
    return out;
  }

  public static List<AclEntry> toAclEntries(List<AclEntryProto> protos) {
    List<AclEntry> out = new ArrayList<>(protos.size());
    protos.forEach(p -> out.add(toAclEntry(p)));
    return out;
  }

  public static AclStatusProto toProto(AclStatus s) {
    return AclStatusProto.newBuilder().setOwner(s.getOwner()).setGroup(s.getGroup())
        .setSticky(s.isStickyBit()).addAllEntries(toProtos(s.getEntries()))
        .setPermission(s.getPermission() == null ? 0 : s.getPermission().toShort()).build();
  }

  public static AclStatus toAclStatus(AclStatusProto p) {
    return new AclStatus.Builder().owner(p.getOwner()).group(p.getGroup())
        .stickyBit(p.getSticky()).addEntries(toAclEntries(p.getEntriesList()))
        .setPermission(new FsPermission((short) p.getPermission())).build();
  }

  public static XAttrProto toProto(String name, byte[] value) {
    XAttrProto.Builder b = XAttrProto.newBuilder().setName(name);
    if (value != null) {
      b.setValue(ByteString.copyFrom(value));
    }
    return b.build();
  }

  /** The attributes as a map in the order sent (a missing value is an empty array, as HDFS). */
  public static Map<String, byte[]> toXAttrMap(List<XAttrProto> protos) {
    Map<String, byte[]> out = new HashMap<>();
    for (XAttrProto p : protos) {
      out.put(p.getName(), p.hasValue() ? p.getValue().toByteArray() : new byte[0]);
    }
    return out;
  }

  public static int toBits(EnumSet<XAttrSetFlag> flags) {
    return (flags.contains(XAttrSetFlag.CREATE) ? 1 : 0)
        | (flags.contains(XAttrSetFlag.REPLACE) ? 2 : 0);
  }

  public static EnumSet<XAttrSetFlag> toFlags(int bits) {
    EnumSet<XAttrSetFlag> f = EnumSet.noneOf(XAttrSetFlag.class);
    if ((bits & 1) != 0) {
      f.add(XAttrSetFlag.CREATE);
    }
    if ((bits & 2) != 0) {
      f.add(XAttrSetFlag.REPLACE);
    }
    return f;
  }
}
