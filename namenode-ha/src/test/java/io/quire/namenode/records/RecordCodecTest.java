package io.quire.namenode.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.namenode.records.EditRecord.*;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclEntryScope;
import org.apache.hadoop.fs.permission.AclEntryType;
import org.apache.hadoop.fs.permission.FsAction;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

  static List<EditRecord> samples() {
    return List.of(
        new Mkdir(16386, "/a/b", (short) 0755, "alice", "staff", 1234L),
        new CreateFile(16387, "/a/f", (short) 0644, "bob", "g", (short) 3, 1024, 55L, "cl-1",
            "10.0.0.1", true),
        new AddBlock(16387, 1 << 30, 1001),
        new CommitBlock(16387, 1 << 30, 512),
        new AbandonBlock(16387, 1 << 30),
        new UpdateBlockLength(16387, 1 << 30, 100),
        new CloseFile(16387, 77),
        new ReopenForAppend(16387, "cl-2", "", 78, "alice"),
        new ReopenForAppend(16387, "cl-2", "", 78, null),
        new Rename("/a/f", "/a/g\u00e9", 79),
        new Delete("/a", 80),
        new SetPermission("/a", (short) 01777),
        new SetOwner("/a", null, "grp"),
        new SetTimes("/a", -1, 5),
        new SetReplication("/a/f", (short) 2),
        new Concat("/t", List.of("/s1", "/s2"), 81),
        new Truncate(16387, 10, 82, 1005, "cl", "m"),
        new TruncateCopy(16387, 1500, 83, 1006, 1073741830, "cl", "m"),
        new SetGenerationStamp(1006),
        new UpdatePipeline(16387, 1 << 30, 1007, 300),
        new ReassignLease(16387, "QUIRE_NameNode_recovery", 1 << 30, 1008),
        new CommitBlockSync(16387, 1 << 30, 1008, 250, true, false, 83),
        new RpcCall(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 77,
            CallAnswer.FILE_STATUS, 16387, AtMostOnceOp.CREATE),
        new RpcCall(new byte[16], -1, CallAnswer.NONE, 0, AtMostOnceOp.UPDATE_PIPELINE),
        new SetAcl("/a", (short) 01750, List.of(
            acl(AclEntryScope.ACCESS, AclEntryType.USER, "bob", FsAction.READ_EXECUTE),
            acl(AclEntryScope.ACCESS, AclEntryType.GROUP, null, FsAction.READ),
            acl(AclEntryScope.DEFAULT, AclEntryType.USER, null, FsAction.ALL),
            acl(AclEntryScope.DEFAULT, AclEntryType.GROUP, "g\u00e9", FsAction.NONE),
            acl(AclEntryScope.DEFAULT, AclEntryType.MASK, null, FsAction.WRITE),
            acl(AclEntryScope.DEFAULT, AclEntryType.OTHER, null, FsAction.EXECUTE))),
        new SetAcl("/a", (short) 0644, List.of()),
        new SetXAttr("/a/f", "user.k", new byte[] {0, 1, -1}),
        new SetXAttr("/a/f", "trusted.empty", null),
        new RemoveXAttr("/a/f", "user.k"),
        new SetQuota("/a", 10, 1L << 40),
        new SetQuota("/a", -1, -1),
        new AllowSnapshot("/a"),
        new DisallowSnapshot("/a"),
        new CreateSnapshot("/a", 7, "s\u00e9", 84),
        new DeleteSnapshot("/a", "s1", 85),
        new RenameSnapshot("/a", "s1", "s2", 86),
        new RpcCall(new byte[16], 3, CallAnswer.NONE, 7, AtMostOnceOp.CREATE_SNAPSHOT));
  }

  /** The snapshot records as they are on disk (types 27-31, payload v3). */
  @Test
  void snapshotGoldenBytes() throws Exception {
    assertEquals(Arrays.toString(new byte[] {3, 27, 0, 0, 0, 2, '/', 'a'}),
        Arrays.toString(RecordCodec.encode(new AllowSnapshot("/a"))));
    assertEquals(Arrays.toString(new byte[] {3, 28, 0, 0, 0, 2, '/', 'a'}),
        Arrays.toString(RecordCodec.encode(new DisallowSnapshot("/a"))));
    assertEquals(Arrays.toString(new byte[] {3, 29, 0, 0, 0, 2, '/', 'a', 0, 0, 1, 2,
        0, 0, 0, 2, 's', '1', 0, 0, 0, 0, 0, 0, 0, 9}),
        Arrays.toString(RecordCodec.encode(new CreateSnapshot("/a", 258, "s1", 9))));
    assertEquals(Arrays.toString(new byte[] {3, 30, 0, 0, 0, 2, '/', 'a', 0, 0, 0, 2, 's', '1',
        0, 0, 0, 0, 0, 0, 0, 10}),
        Arrays.toString(RecordCodec.encode(new DeleteSnapshot("/a", "s1", 10))));
    assertEquals(Arrays.toString(new byte[] {3, 31, 0, 0, 0, 2, '/', 'a', 0, 0, 0, 2, 's', '1',
        0, 0, 0, 2, 's', '2', 0, 0, 0, 0, 0, 0, 0, 11}),
        Arrays.toString(RecordCodec.encode(new RenameSnapshot("/a", "s1", "s2", 11))));
    assertEquals(12, AtMostOnceOp.CREATE_SNAPSHOT.code());
    assertEquals(13, AtMostOnceOp.DELETE_SNAPSHOT.code());
    assertEquals(14, AtMostOnceOp.RENAME_SNAPSHOT.code());
  }

  static AclEntry acl(AclEntryScope scope, AclEntryType type, String name, FsAction perm) {
    AclEntry.Builder b = new AclEntry.Builder().setScope(scope).setType(type)
        .setPermission(perm);
    if (name != null) {
      b.setName(name);
    }
    return b.build();
  }

  /** SET_ACL, SET_XATTR and REMOVE_XATTR as they are on disk (types 22-24, payload v3). */
  @Test
  void aclAndXAttrGoldenBytes() throws Exception {
    byte[] setAcl = RecordCodec.encode(new SetAcl("/a", (short) 0750, List.of(
        acl(AclEntryScope.ACCESS, AclEntryType.USER, "bob", FsAction.READ_EXECUTE),
        acl(AclEntryScope.DEFAULT, AclEntryType.MASK, null, FsAction.READ))));
    byte[] expectedAcl = {3, 22, 0, 0, 0, 2, '/', 'a', 1, (byte) 0xE8, 0, 0, 0, 2,
        5, 0, 0, 0, 3, 'b', 'o', 'b',
        (byte) (1 << 5 | 2 << 3 | 4), -1, -1, -1, -1};
    assertEquals(Arrays.toString(expectedAcl), Arrays.toString(setAcl));
    byte[] setX = RecordCodec.encode(new SetXAttr("/a", "user.k", new byte[] {7, 8}));
    byte[] expectedX = {3, 23, 0, 0, 0, 2, '/', 'a', 0, 0, 0, 6, 'u', 's', 'e', 'r', '.', 'k',
        0, 0, 0, 2, 7, 8};
    assertEquals(Arrays.toString(expectedX), Arrays.toString(setX));
    byte[] nullValue = RecordCodec.encode(new SetXAttr("/a", "user.k", null));
    assertEquals(Arrays.toString(new byte[] {-1, -1, -1, -1}), Arrays.toString(
        Arrays.copyOfRange(nullValue, nullValue.length - 4, nullValue.length)));
    byte[] remove = RecordCodec.encode(new RemoveXAttr("/a", "user.k"));
    byte[] expectedRemove = {3, 24, 0, 0, 0, 2, '/', 'a', 0, 0, 0, 6, 'u', 's', 'e', 'r', '.',
        'k'};
    assertEquals(Arrays.toString(expectedRemove), Arrays.toString(remove));
    byte[] badEntry = setAcl.clone();
    badEntry[14] = (byte) 0x40;
    assertThrows(CorruptJournalException.class, () -> RecordCodec.decode(badEntry, 3));
  }

  /** SET_QUOTA as it is on disk (type 25, payload v3): path, name quota, space quota. */
  @Test
  void setQuotaGoldenBytes() throws Exception {
    byte[] set = RecordCodec.encode(new SetQuota("/q", 5, 1024));
    byte[] expected = {3, 25, 0, 0, 0, 2, '/', 'q', 0, 0, 0, 0, 0, 0, 0, 5,
        0, 0, 0, 0, 0, 0, 4, 0};
    assertEquals(Arrays.toString(expected), Arrays.toString(set));
    byte[] clear = RecordCodec.encode(new SetQuota("/q", -1, -1));
    byte[] expectedClear = {3, 25, 0, 0, 0, 2, '/', 'q', -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1};
    assertEquals(Arrays.toString(expectedClear), Arrays.toString(clear));
    assertEquals(new SetQuota("/q", 5, 1024), RecordCodec.decode(expected, 9));
    byte[] truncated = Arrays.copyOf(expected, expected.length - 1);
    assertThrows(CorruptJournalException.class, () -> RecordCodec.decode(truncated, 9));
  }

  /**
   * TRUNCATE_COPY as it is on disk (type 26, payload v3): file id, new length, time, recovery
   * generation stamp, new block id, client name, client machine.
   */
  @Test
  void truncateCopyGoldenBytes() throws Exception {
    byte[] b = RecordCodec.encode(new TruncateCopy(5, 1500, 7, 1001, 1073741826, "c", "m"));
    byte[] expected = {3, 26, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 5, (byte) 0xDC,
        0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 3, (byte) 0xE9, 0, 0, 0, 0, 0x40, 0, 0, 2,
        0, 0, 0, 1, 'c', 0, 0, 0, 1, 'm'};
    assertEquals(Arrays.toString(expected), Arrays.toString(b));
    assertEquals(new TruncateCopy(5, 1500, 7, 1001, 1073741826, "c", "m"),
        RecordCodec.decode(expected, 4));
    byte[] truncated = Arrays.copyOf(expected, expected.length - 1);
    assertThrows(CorruptJournalException.class, () -> RecordCodec.decode(truncated, 4));
  }

  @Test
  void rpcCallGoldenBytes() throws Exception {
    byte[] id = new byte[16];
    id[0] = 0x7f;
    byte[] b = RecordCodec.encode(new RpcCall(id, 258, CallAnswer.TRUE, 5, AtMostOnceOp.DELETE));
    byte[] expected = {3, 21, 0, 0, 0, 16, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 5, 4};
    assertEquals(Arrays.toString(expected), Arrays.toString(b));
    for (CallAnswer a : CallAnswer.values()) {
      assertEquals(a, CallAnswer.ofCode(a.code()));
    }
    for (AtMostOnceOp op : AtMostOnceOp.values()) {
      assertEquals(op, AtMostOnceOp.ofCode(op.code()));
    }
  }

  /** Version 3 added the operation at the end of RPC_CALL; a version 2 record has none. */
  @Test
  void rpcCallOfVersion2HasNoOperation() throws Exception {
    byte[] v2 = {2, 21, 0, 0, 0, 16, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 5};
    RpcCall r = (RpcCall) RecordCodec.decode(v2, 9);
    assertEquals(AtMostOnceOp.UNRECORDED, r.op());
    assertEquals(CallAnswer.TRUE, r.answer());
    byte[] badOp = Arrays.copyOf(RecordCodec.encode(r), v2.length + 1);
    badOp[badOp.length - 1] = 99;
    assertThrows(CorruptJournalException.class, () -> RecordCodec.decode(badOp, 10));
  }

  @Test
  void everyRecordTypeRoundTrips() throws Exception {
    Set<RecordType> covered = EnumSet.noneOf(RecordType.class);
    for (EditRecord r : samples()) {
      byte[] bytes = RecordCodec.encode(r);
      assertEquals(RecordCodec.VERSION, bytes[0]);
      assertEquals(r.type().code(), bytes[1]);
      assertEquals(r, RecordCodec.decode(bytes, 1));
      covered.add(r.type());
    }
    assertEquals(EnumSet.allOf(RecordType.class), covered);
  }

  /**
   * Version 2 added the appending user at the end of REOPEN_FOR_APPEND (version 3 did not
   * change it); 1 is still read.
   */
  @Test
  void reopenForAppendGoldenBytesOfEveryVersion() throws Exception {
    int code = RecordType.REOPEN_FOR_APPEND.code();
    byte[] v3 = RecordCodec.encode(new ReopenForAppend(5, "c", "m", 7, "u"));
    byte[] expected = {3, (byte) code, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 1, 'c', 0, 0, 0, 1, 'm',
        0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 1, 'u'};
    assertEquals(Arrays.toString(expected), Arrays.toString(v3));
    byte[] v2 = expected.clone();
    v2[0] = 2;
    assertEquals(new ReopenForAppend(5, "c", "m", 7, "u"), RecordCodec.decode(v2, 1));
    byte[] v1 = Arrays.copyOf(expected, expected.length - 5);
    v1[0] = 1;
    assertEquals(new ReopenForAppend(5, "c", "m", 7, null), RecordCodec.decode(v1, 1));
  }

  @Test
  void unknownVersionIsCorrupt() {
    byte[] b = RecordCodec.encode(new CloseFile(1, 2));
    b[0] = 9;
    CorruptJournalException e = assertThrows(CorruptJournalException.class,
        () -> RecordCodec.decode(b, 42));
    assertEquals(true, e.getMessage().contains("txid 42"));
  }

  @Test
  void unknownTypeIsCorrupt() {
    byte[] b = RecordCodec.encode(new CloseFile(1, 2));
    b[1] = 99;
    assertThrows(CorruptJournalException.class, () -> RecordCodec.decode(b, 1));
  }

  @Test
  void truncatedAndTrailingBytesAreCorrupt() {
    byte[] b = RecordCodec.encode(new Rename("/x", "/y", 3));
    assertThrows(CorruptJournalException.class,
        () -> RecordCodec.decode(Arrays.copyOf(b, b.length - 3), 1));
    assertThrows(CorruptJournalException.class,
        () -> RecordCodec.decode(Arrays.copyOf(b, b.length + 1), 1));
  }
}
