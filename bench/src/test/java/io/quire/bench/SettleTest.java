package io.quire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the core bench waits for between the sequential file's delete and the metadata rows. */
@Timeout(60)
class SettleTest {
  @Test
  void countsTheBytesOfFilesUnderTheBaseAndReportsOnceTheyAreGone() throws Exception {
    File root = new File("target/test-data/settle");
    FileUtil.fullyDelete(root);
    File base = new File(root, "quire-0");
    File dn = new File(base, "data/dn0/current");
    assertTrue(dn.mkdirs(), "mkdirs " + dn);
    Files.write(new File(base, "journal").toPath(), new byte[1000]);
    Settle settle = Settle.before(base, root);
    File replica = new File(dn, "blk_1");
    Files.write(replica.toPath(), new byte[5 << 20]);
    assertEquals(1000 + (5 << 20), Settle.bytesUnder(base));
    Files.delete(replica.toPath());

    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    settle.await("quire", new PrintStream(buf, true, StandardCharsets.UTF_8));
    String line = buf.toString(StandardCharsets.UTF_8);
    assertTrue(line.startsWith("settle quire: replicas freed in "), line);
    assertEquals(1000, Settle.bytesUnder(base));
  }
}
