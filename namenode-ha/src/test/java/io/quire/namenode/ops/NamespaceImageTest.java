package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.quire.namenode.testing.StateDump;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.testing.TargetDirs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** The namespace image body: strings of any length, and its version. */
@Timeout(120)
class NamespaceImageTest {
  private Path dir;
  private Configuration conf;
  private NamesystemFixture fx;
  private ClientProtocol nn;

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    dir = TargetDirs.fresh(info);
    conf = NamesystemFixture.defaultConf();
    conf.setInt(NameNodeConfigKeys.FS_LIMITS_MAX_COMPONENT_LENGTH_KEY, 0);
    conf.setInt(NameNodeConfigKeys.FS_LIMITS_MAX_PATH_LENGTH_KEY, 1_000_000);
    fx = new NamesystemFixture(conf, new InMemoryJournal());
    nn = fx.client;
  }

  private String dump(Namesystem ns) throws IOException {
    return ns.read(() -> StateDump.journaled(ns.getState()));
  }

  private byte[] image() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    fx.ns.read(() -> {
      NamespaceImage.write(fx.ns.getState(), new DataOutputStream(bytes));
      return null;
    });
    return bytes.toByteArray();
  }

  @Test
  void stringsAbove64KiBSurviveACheckpoint() throws Exception {
    String huge = "/" + "n".repeat(70_000);
    assertTrue(nn.mkdirs(huge + "/sub", (short) 0755, true));
    nn.setOwner(huge, "o".repeat(70_000), "g\u00e9".repeat(40_000));
    nn.create(huge + "/sub/f", (short) 0644, "c".repeat(70_000), false, false, (short) 1, 1024);
    long txId = fx.ns.getLastAppliedTxId();
    CheckpointStore store = new CheckpointStore(dir);
    fx.ns.read(() -> {
      store.saveAndSync(txId, out -> NamespaceImage.write(fx.ns.getState(), out));
      return null;
    });
    Namesystem restarted = new Namesystem(NameNodeOptions.from(conf),
        NamesystemFixture.CLUSTER_ID, new CallerResolver(fx.superUser, "supergroup"),
        fx.clock::get);
    assertEquals(txId, NamesystemLoader.load(restarted, fx.journal, store));
    assertEquals(dump(fx.ns), dump(restarted));
  }

  @Test
  void anImageOfAnUnknownVersionIsRefusedAsIncompatible() throws Exception {
    nn.mkdirs("/d", (short) 0755, true);
    byte[] image = image();
    assertEquals(NamespaceImage.VERSION, ByteBuffer.wrap(image).getInt(0));
    ByteBuffer.wrap(image).putInt(0, 99);
    NamesystemFixture other = new NamesystemFixture();
    IncompatibleStorageException e = assertThrows(IncompatibleStorageException.class,
        () -> load(other, image));
    assertTrue(e.getMessage().contains("version 99"), e.getMessage());
  }

  /** A version 1 body (writeUTF strings), as the NameNode before version 2 wrote it. */
  @Test
  void aVersion1ImageIsStillRead() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(1);
    out.writeLong(16387); // last inode id, block id, generation stamp
    out.writeLong(1073741825);
    out.writeLong(1001);
    inodeV1(out, 0, 16385, "", "hdfs", "supergroup");
    out.writeInt(1); // one child
    inodeV1(out, 1, 16387, "f\u00e9", "alice", "staff");
    out.writeShort(3);
    out.writeLong(1024);
    out.writeBoolean(true);
    out.writeUTF("client-1");
    out.writeUTF("10.0.0.1");
    out.writeInt(1);
    out.writeLong(1073741825);
    out.writeLong(1001);
    out.writeLong(7);
    out.writeByte(0); // UNDER_CONSTRUCTION
    out.writeLong(0);
    out.writeBoolean(false);
    NamesystemFixture other = new NamesystemFixture();
    load(other, bytes.toByteArray());
    String dump = dump(other.ns);
    assertTrue(dump.contains("/f\u00e9 16387 420 alice:staff"), dump);
    assertTrue(dump.contains("uc=client-1 leased=true"), dump);
    assertTrue(dump.contains("1073741825_1001 7B"), dump);
  }

  /** A version 3 body (no features byte), as the NameNode before ACLs and xattrs wrote it. */
  @Test
  void aVersion3ImageIsStillReadWithoutAclsOrXAttrs() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(3);
    out.writeLong(16387);
    out.writeLong(1073741825);
    out.writeLong(1001);
    inodeV3(out, 0, 16385, "", "hdfs", "supergroup");
    out.writeInt(1); // one child
    inodeV3(out, 1, 16387, "f", "alice", "staff");
    out.writeShort(3);
    out.writeLong(1024);
    out.writeBoolean(false); // closed
    out.writeInt(0); // no blocks
    NamesystemFixture other = new NamesystemFixture();
    load(other, bytes.toByteArray());
    String dump = dump(other.ns);
    assertTrue(dump.contains("/f 16387 420 alice:staff"), dump);
    assertTrue(!dump.contains("acl="), dump);
  }

  /** Every byte of a version 4 image with ACLs and xattrs is needed: a cut one is refused. */
  @Test
  void aclsAndXAttrsRoundTripThroughTheImage() throws Exception {
    nn.mkdirs("/a", (short) 0755, true);
    nn.setAcl("/a", org.apache.hadoop.fs.permission.AclEntry.parseAclSpec(
        "user::rwx,group::r-x,other::---,user:bob:rwx,default:group:eng:r-x", true));
    nn.mkdirs("/a/b", (short) 0755, (short) 0777, false);
    nn.setXAttr("/a/b", "user.v", new byte[] {1, 2, 3},
        java.util.EnumSet.of(org.apache.hadoop.fs.XAttrSetFlag.CREATE));
    nn.setXAttr("/a", "trusted.n", null,
        java.util.EnumSet.of(org.apache.hadoop.fs.XAttrSetFlag.CREATE));
    byte[] image = image();
    NamesystemFixture other = new NamesystemFixture();
    load(other, image);
    String dump = dump(other.ns);
    assertEquals(dump(fx.ns), dump);
    assertTrue(dump.contains("user.v=010203") && dump.contains("trusted.n=null"), dump);
    NamesystemFixture cut = new NamesystemFixture();
    assertThrows(IOException.class,
        () -> load(cut, java.util.Arrays.copyOf(image, image.length - 1)));
  }

  private static void inodeV3(DataOutputStream out, int kind, long id, String name,
      String owner, String group) throws IOException {
    out.writeByte(kind);
    out.writeLong(id);
    io.quire.namenode.records.StringCodec.write(out, name);
    out.writeShort(kind == 0 ? 0755 : 0644);
    io.quire.namenode.records.StringCodec.write(out, owner);
    io.quire.namenode.records.StringCodec.write(out, group);
    out.writeLong(5); // mtime
    out.writeLong(6); // atime
  }

  private static void inodeV1(DataOutputStream out, int kind, long id, String name,
      String owner, String group) throws IOException {
    out.writeByte(kind);
    out.writeLong(id);
    out.writeUTF(name);
    out.writeShort(kind == 0 ? 0755 : 0644);
    out.writeUTF(owner);
    out.writeUTF(group);
    out.writeLong(5); // mtime
    out.writeLong(6); // atime
  }

  private static void load(NamesystemFixture f, byte[] image) throws IOException {
    f.ns.updateVolatileState(() -> {
      NamespaceImage.read(f.ns.getState(), new DataInputStream(new ByteArrayInputStream(image)));
      return null;
    });
  }
}
