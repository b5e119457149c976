package io.quire.namenode.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.ops.NamespaceImage;
import io.quire.namenode.testing.InMemoryJournal;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.ContentSummaryInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.Test;

/**
 * A tree 5,000 directories deep (the depth limit raised) on a thread with a small stack: every
 * walk over the tree (checkpoint write and load, content summary, the permission check and
 * apply of a recursive delete, replay) is iterative, so none overflows the stack; the recursive
 * walks this replaced did.
 */
class DeepTreeTest {
  private static final int DEPTH = 5_000;
  /** Far less than 5,000 recursive frames need; plenty for iterative code. */
  private static final long STACK_BYTES = 256 * 1024;
  private final UserGroupInformation alice =
      UserGroupInformation.createUserForTesting("alice", new String[] {"staff"});

  @FunctionalInterface
  private interface Body {
    void run() throws Exception;
  }

  private static void onSmallStack(Body body) throws Throwable {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        body.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "deep-tree", STACK_BYTES);
    t.start();
    t.join();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  private <T> T as(PrivilegedExceptionAction<T> a) throws Exception {
    return alice.doAs(a);
  }

  private static int inodes(NamesystemFixture f) throws IOException {
    return f.ns.read(() -> f.ns.getState().tree().size());
  }

  @Test
  void everyWalkOverAVeryDeepTreeIsIterative() throws Throwable {
    Configuration conf = NamesystemFixture.defaultConf();
    conf.setInt(NameNodeConfigKeys.FS_LIMITS_MAX_PATH_DEPTH_KEY, DEPTH + 10);
    conf.setInt(NameNodeConfigKeys.FS_LIMITS_MAX_PATH_LENGTH_KEY, 4 * DEPTH);
    NamesystemFixture fx = new NamesystemFixture(conf, new InMemoryJournal());
    ClientProtocol nn = fx.client;
    nn.mkdirs("/home/alice", (short) 0755, true);
    nn.setOwner("/home/alice", "alice", "staff");
    String top = "/home/alice/d";
    String deep = top + "/d".repeat(DEPTH - 1);
    String file = deep + "/f";
    onSmallStack(() -> {
      assertTrue(as(() -> nn.mkdirs(deep, (short) 0755, true)));
      long id = as(() -> nn.create(file, (short) 0644, "c", false, false, (short) 1, 1024))
          .getFileId();
      assertTrue(as(() -> nn.complete(file, id, "c", null)));
      ContentSummaryInfo summary = as(() -> nn.getContentSummary(top));
      assertEquals(DEPTH, summary.getDirectoryCount());
      assertEquals(1, summary.getFileCount());

      ByteArrayOutputStream image = new ByteArrayOutputStream();
      fx.ns.read(() -> {
        NamespaceImage.write(fx.ns.getState(), new DataOutputStream(image));
        return null;
      });
      NamesystemFixture loaded = new NamesystemFixture(conf, new InMemoryJournal());
      loaded.ns.updateVolatileState(() -> {
        NamespaceImage.read(loaded.ns.getState(),
            new DataInputStream(new ByteArrayInputStream(image.toByteArray())));
        return null;
      });
      assertEquals(inodes(fx), inodes(loaded));
      assertNotNull(loaded.client.getFileInfo(file));

      assertTrue(as(() -> nn.delete(top, true)));
      assertEquals(3, inodes(fx), "/, /home, /home/alice");
      NamesystemFixture replayed = new NamesystemFixture(conf, fx.journal);
      assertEquals(3, inodes(replayed));
    });
  }
}
