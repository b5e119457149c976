package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.*;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The classes that apply records (and load checkpoints) change journaled state only: their
 * compiled code names no type that holds replica locations or DataNodes, and calls on the
 * block manager only the apply hooks. Read from the class files' constant pools, so a lambda,
 * a descriptor or a wildcard import cannot hide a reference.
 */
class ApplierIsolationTest {
  private static final List<Class<?>> APPLIERS = List.of(RecordApplier.class,
      TreeApplier.class, FileApplier.class, NamespaceImage.class);

  /** Volatile location state and whatever hands it out. */
  private static final Set<String> FORBIDDEN_TYPES = Set.of(
      "io/quire/namenode/blocks/BlockLocations",
      "io/quire/namenode/blocks/Replica",
      "io/quire/namenode/blocks/BlockReportProcessor",
      "io/quire/namenode/blocks/ReplicationBookkeeping",
      "io/quire/namenode/blocks/BlockPlacement",
      "io/quire/namenode/datanodes/DataNodeDescriptor",
      "io/quire/namenode/datanodes/DataNodeManager");

  private static final String BLOCK_MANAGER = "io/quire/namenode/blocks/BlockManager";
  /** What an applier may ask of the block manager: the apply hooks. */
  private static final Set<String> APPLY_HOOKS = Set.of("addBlock", "removeBlock",
      "blockChanged", "getBlockMap");

  @Test
  void appliersNeitherReadNorWriteLocations() throws IOException {
    for (Class<?> c : APPLIERS) {
      ConstantPool pool = ConstantPool.of(c);
      assertTrue(pool.classes.contains("io/quire/namenode/blocks/BlockInfo")
          || c == RecordApplier.class, c + ": the pool was read (it names BlockInfo)");
      Set<String> named = new TreeSet<>();
      for (String s : pool.utf8) {
        for (String t : FORBIDDEN_TYPES) {
          if (s.equals(t) || s.contains("L" + t + ";")) {
            named.add(t);
          }
        }
      }
      assertEquals(Set.of(), named, c.getSimpleName() + " names location types");
      Set<String> calls = pool.methodsOf(BLOCK_MANAGER);
      calls.removeAll(APPLY_HOOKS);
      assertEquals(Set.of(), calls, c.getSimpleName() + " calls block manager methods that are"
          + " not apply hooks");
    }
  }

  @Test
  void theCheckSeesLocationUse() throws IOException {
    ConstantPool validator = ConstantPool.of(LeaseRecoveryOps.class);
    assertTrue(validator.utf8.contains("io/quire/namenode/datanodes/DataNodeDescriptor"));
    assertTrue(validator.methodsOf(BLOCK_MANAGER).contains("recoveryCandidates"),
        validator.methodsOf(BLOCK_MANAGER).toString());
  }

  /** The parts of a class file's constant pool this test needs (JVMS 4.4). */
  private static final class ConstantPool {
    final List<String> utf8 = new ArrayList<>();
    final Set<String> classes = new TreeSet<>();
    private final List<int[]> methodRefs = new ArrayList<>(); // {class index, name-and-type}
    private String[] strings;
    private int[] classNameIndex;
    private int[] nameIndexOfNameAndType;

    static ConstantPool of(Class<?> c) throws IOException {
      String file = c.getSimpleName() + ".class";
      try (InputStream raw = c.getResourceAsStream(file)) {
        assertNotNull(raw, file);
        ConstantPool p = new ConstantPool();
        p.read(new DataInputStream(raw));
        return p;
      }
    }

    private void read(DataInputStream in) throws IOException {
      assertEquals(0xCAFEBABE, in.readInt());
      in.readUnsignedShort();
      in.readUnsignedShort();
      int n = in.readUnsignedShort();
      strings = new String[n];
      classNameIndex = new int[n];
      nameIndexOfNameAndType = new int[n];
      for (int i = 1; i < n; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> {
            strings[i] = in.readUTF();
            utf8.add(strings[i]);
          }
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++; // takes two entries
          }
          case 7 -> classNameIndex[i] = in.readUnsignedShort();
          case 8, 16, 19, 20 -> in.readUnsignedShort();
          case 9, 17, 18 -> in.readInt();
          case 10, 11 -> methodRefs.add(new int[] {in.readUnsignedShort(),
              in.readUnsignedShort()});
          case 12 -> {
            nameIndexOfNameAndType[i] = in.readUnsignedShort();
            in.readUnsignedShort();
          }
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
        }
      }
      for (int i = 1; i < n; i++) {
        if (classNameIndex[i] != 0) {
          classes.add(strings[classNameIndex[i]]);
        }
      }
    }

    /** Names of the methods this class calls on {@code owner}. */
    Set<String> methodsOf(String owner) {
      Set<String> out = new TreeSet<>();
      for (int[] ref : methodRefs) {
        if (owner.equals(strings[classNameIndex[ref[0]]])) {
          out.add(strings[nameIndexOfNameAndType[ref[1]]]);
        }
      }
      return out;
    }
  }
}
