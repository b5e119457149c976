package io.quire.namenode.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.testing.InMemoryJournal;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.FSLimitException.MaxDirectoryItemsExceededException;
import io.quire.protocol.exceptions.FSLimitException.PathComponentTooLongException;
import io.quire.protocol.exceptions.FSLimitException.PathTooLongException;
import io.quire.protocol.types.RenameMode;
import java.io.IOException;
import java.util.Collections;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * HDFS's file-system limits: name length (UTF-8 bytes), entries per directory, path depth and
 * length. Checked where mkdirs, create and rename make a name; records already journaled are
 * replayed whatever the limits.
 */
class FsLimitsTest {
  private NamesystemFixture fx;
  private ClientProtocol nn;

  private void start(Configuration conf) throws IOException {
    fx = new NamesystemFixture(conf, new InMemoryJournal());
    nn = fx.client;
  }

  private static <E extends Exception> E refused(Class<E> type, String op, Executable call) {
    E e = assertThrows(type, call);
    assertTrue(e.getMessage().startsWith(op + " /"), e.getMessage());
    return e;
  }

  /** Creates and closes an empty file. */
  private void create(String path) throws IOException {
    long id = nn.create(path, (short) 0644, "c", false, true, (short) 1, 1024).getFileId();
    assertTrue(nn.complete(path, id, "c", null));
  }

  @Test
  void aNameLongerThan255BytesIsRefused() throws Exception {
    start(NamesystemFixture.defaultConf());
    String longest = "a".repeat(255);
    String tooLong = "a".repeat(256);
    String wide = "\u00e9".repeat(128); // 128 characters, 256 bytes
    assertTrue(nn.mkdirs("/d/" + longest, (short) 0755, true));
    PathComponentTooLongException e = refused(PathComponentTooLongException.class, "mkdirs",
        () -> nn.mkdirs("/d/" + tooLong + "/x", (short) 0755, true));
    assertTrue(e.getMessage().contains("limit=255 length=256"), e.getMessage());
    refused(PathComponentTooLongException.class, "mkdirs",
        () -> nn.mkdirs("/d/" + wide, (short) 0755, true));
    refused(PathComponentTooLongException.class, "create", () -> create("/d/" + wide));
    refused(PathComponentTooLongException.class, "create", () -> create("/e/" + tooLong + "/f"));
    create("/d/f");
    refused(PathComponentTooLongException.class, "rename",
        () -> nn.rename("/d/f", "/d/" + tooLong, RenameMode.NO_OVERWRITE));
    assertEquals(2, nn.getListing("/d", "").getEntries().size(), "nothing was made");
    assertNull(nn.getFileInfo("/e"));
  }

  @Test
  void aFullDirectoryTakesNoNewEntry() throws Exception {
    Configuration conf = NamesystemFixture.defaultConf();
    conf.setInt(NameNodeConfigKeys.FS_LIMITS_MAX_DIRECTORY_ITEMS_KEY, 2);
    start(conf);
    create("/d/a");
    nn.mkdirs("/d/b", (short) 0755, false);
    MaxDirectoryItemsExceededException e = refused(MaxDirectoryItemsExceededException.class,
        "create", () -> create("/d/c"));
    assertTrue(e.getMessage().contains("limit=2 items=2"), e.getMessage());
    refused(MaxDirectoryItemsExceededException.class, "mkdirs",
        () -> nn.mkdirs("/d/c/deeper", (short) 0755, true));
    create("/e/x");
    refused(MaxDirectoryItemsExceededException.class, "rename",
        () -> nn.rename("/e/x", "/d/x", RenameMode.NO_OVERWRITE));
    refused(MaxDirectoryItemsExceededException.class, "rename",
        () -> nn.rename("/e/x", "/d", RenameMode.INTO_DIRECTORY));
    // Replacing an entry or renaming inside the directory adds none.
    nn.rename("/d/a", "/d/z", RenameMode.NO_OVERWRITE);
    long z = nn.create("/d/z", (short) 0644, "c", true, false, (short) 1, 1024).getFileId();
    assertTrue(nn.complete("/d/z", z, "c", null));
    nn.rename("/e/x", "/d/z", RenameMode.OVERWRITE);
    assertEquals(2, nn.getListing("/d", "").getEntries().size());
  }

  @Test
  void aPathDeeperOrLongerThanTheLimitIsRefused() throws Exception {
    start(NamesystemFixture.defaultConf());
    String depth1000 = String.join("", Collections.nCopies(1000, "/a"));
    assertTrue(nn.mkdirs(depth1000, (short) 0755, true));
    PathTooLongException e = refused(PathTooLongException.class, "mkdirs",
        () -> nn.mkdirs(depth1000 + "/a", (short) 0755, true));
    assertTrue(e.getMessage().contains("1001"), e.getMessage());
    refused(PathTooLongException.class, "create", () -> create(depth1000 + "/f"));
    create("/f");
    refused(PathTooLongException.class, "rename",
        () -> nn.rename("/f", depth1000 + "/f", RenameMode.NO_OVERWRITE));
    String name = "b".repeat(200);
    String length8000 = String.join("", Collections.nCopies(39, "/" + name))
        + "/" + "c".repeat(8000 - 39 * 201 - 1);
    assertEquals(8000, length8000.length());
    assertTrue(nn.mkdirs(length8000, (short) 0755, true));
    refused(PathTooLongException.class, "mkdirs",
        () -> nn.mkdirs(length8000 + "x", (short) 0755, true));
    assertNotNull(nn.getFileInfo(length8000));
  }

  @Test
  void replayAcceptsWhatTheLimitsOfItsTimeAllowed() throws Exception {
    Configuration lax = NamesystemFixture.defaultConf();
    lax.setInt(NameNodeConfigKeys.FS_LIMITS_MAX_COMPONENT_LENGTH_KEY, 0);
    lax.setInt(NameNodeConfigKeys.FS_LIMITS_MAX_PATH_LENGTH_KEY, 100_000);
    start(lax);
    String huge = "n".repeat(70_000);
    assertTrue(nn.mkdirs("/" + huge, (short) 0755, false), "0 = no name length limit");
    NamesystemFixture strict = new NamesystemFixture(NamesystemFixture.defaultConf(),
        fx.journal);
    assertNotNull(strict.client.getFileInfo("/" + huge));
    assertTrue(strict.client.delete("/" + huge, false));
  }

  @Test
  void limitsOutsideTheirRangeAreRefusedAtStart() {
    for (String[] bad : new String[][] {
        {NameNodeConfigKeys.FS_LIMITS_MAX_DIRECTORY_ITEMS_KEY, "0"},
        {NameNodeConfigKeys.FS_LIMITS_MAX_DIRECTORY_ITEMS_KEY, "6400001"},
        {NameNodeConfigKeys.FS_LIMITS_MAX_COMPONENT_LENGTH_KEY, "-1"},
        {NameNodeConfigKeys.FS_LIMITS_MAX_PATH_DEPTH_KEY, "0"}}) {
      Configuration c = NamesystemFixture.defaultConf();
      c.set(bad[0], bad[1]);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> NameNodeOptions.from(c));
      assertTrue(e.getMessage().startsWith(bad[0]), e.getMessage());
    }
  }
}
