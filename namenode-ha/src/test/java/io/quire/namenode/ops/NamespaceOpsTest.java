package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.AlreadyBeingCreatedException;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.RenameMode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.InvalidPathException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NamespaceOpsTest {
  private NamesystemFixture fx;
  private ClientProtocol nn;

  @BeforeEach
  void setUp() throws IOException {
    Configuration c = NamesystemFixture.defaultConf();
    c.setInt("quire.namenode.list.limit", 3);
    fx = new NamesystemFixture(c, new io.quire.namenode.testing.InMemoryJournal());
    nn = fx.client;
  }

  private InodeStatus create(String path) throws IOException {
    return nn.create(path, (short) 0644, "client", false, true, (short) 1, 1024);
  }

  private void createClosed(String path) throws IOException {
    create(path);
    assertTrue(nn.complete(path, 0, "client", null));
  }

  @Test
  void mkdirsCreatesParentsAndIsIdempotent() throws IOException {
    assertTrue(nn.mkdirs("/a/b/c", (short) 0755, true));
    assertTrue(nn.mkdirs("/a/b/c", (short) 0755, true));
    InodeStatus s = nn.getFileInfo("/a/b");
    assertTrue(s.isDirectory());
    assertEquals(fx.superUser, s.getOwner());
    assertEquals(1, s.getChildrenCount());
    assertNull(nn.getFileInfo("/nope"));
  }

  @Test
  void mkdirsWithoutParentFails() {
    FileNotFoundException e = assertThrows(FileNotFoundException.class,
        () -> nn.mkdirs("/x/y", (short) 0755, false));
    assertTrue(e.getMessage().contains("mkdirs /x/y"), e.getMessage());
  }

  @Test
  void mkdirsOverFileFails() throws IOException {
    createClosed("/f");
    assertThrows(FileAlreadyExistsException.class, () -> nn.mkdirs("/f", (short) 0755, true));
    assertThrows(ParentNotDirectoryException.class,
        () -> nn.mkdirs("/f/sub", (short) 0755, true));
  }

  @Test
  void invalidPathsAreRejected() {
    for (String p : List.of("relative", "/a/../b", "/a/./b", "/a:b", "/a//b", "")) {
      assertThrows(InvalidPathException.class, () -> nn.mkdirs(p, (short) 0755, true), p);
    }
  }

  @Test
  void createRulesFollowHdfs() throws IOException {
    InodeStatus s = create("/d/f");
    assertTrue(s.isUnderConstruction());
    assertEquals(0, s.getLength());
    assertThrows(AlreadyBeingCreatedException.class, () -> create("/d/f"));
    assertThrows(FileAlreadyExistsException.class, () -> create("/d"));
    assertTrue(nn.complete("/d/f", s.getFileId(), "client", null));
    assertThrows(FileAlreadyExistsException.class, () -> create("/d/f"));
    InodeStatus over = nn.create("/d/f", (short) 0644, "client", true, false, (short) 1, 1024);
    assertNotEquals(s.getFileId(), over.getFileId());
    assertThrows(ParentNotDirectoryException.class, () -> create("/d/f/g"));
    assertThrows(FileNotFoundException.class,
        () -> nn.create("/e/f", (short) 0644, "c", false, false, (short) 1, 1024));
    assertThrows(IOException.class,
        () -> nn.create("/d/small", (short) 0644, "c", false, true, (short) 1, 512));
  }

  @Test
  void listingIsSortedAndPaged() throws IOException {
    for (String n : List.of("e", "b", "d", "a", "c")) {
      nn.mkdirs("/dir/" + n, (short) 0755, true);
    }
    DirectoryListing first = nn.getListing("/dir", "");
    assertEquals(List.of("/dir/a", "/dir/b", "/dir/c"), paths(first));
    assertEquals(2, first.getRemaining());
    DirectoryListing second = nn.getListing("/dir", "c");
    assertEquals(List.of("/dir/d", "/dir/e"), paths(second));
    assertFalse(second.hasMore());
    createClosed("/dir/a/file");
    assertEquals(List.of("/dir/a/file"), paths(nn.getListing("/dir/a/file", "")));
    assertThrows(FileNotFoundException.class, () -> nn.getListing("/missing", ""));
  }

  private static List<String> paths(DirectoryListing l) {
    List<String> out = new ArrayList<>();
    l.getEntries().forEach(s -> out.add(s.getPath()));
    return out;
  }

  @Test
  void renameIntoDirectoryAndOverwrite() throws IOException {
    createClosed("/src/f");
    nn.mkdirs("/dst", (short) 0755, true);
    nn.rename("/src/f", "/dst", RenameMode.INTO_DIRECTORY);
    assertNotNull(nn.getFileInfo("/dst/f"));
    assertNull(nn.getFileInfo("/src/f"));

    createClosed("/src/g");
    assertThrows(FileAlreadyExistsException.class,
        () -> nn.rename("/src/g", "/dst/f", RenameMode.NO_OVERWRITE));
    long gId = nn.getFileInfo("/src/g").getFileId();
    nn.rename("/src/g", "/dst/f", RenameMode.OVERWRITE);
    assertEquals(gId, nn.getFileInfo("/dst/f").getFileId());

    nn.mkdirs("/full/x", (short) 0755, true);
    nn.mkdirs("/empty", (short) 0755, true);
    IOException e = assertThrows(IOException.class,
        () -> nn.rename("/empty", "/full", RenameMode.OVERWRITE));
    assertEquals("rename /empty to /full: destination /full is a non-empty directory",
        e.getMessage());
    assertThrows(IOException.class, () -> nn.rename("/full", "/full/x/y",
        RenameMode.NO_OVERWRITE));
    assertThrows(FileNotFoundException.class,
        () -> nn.rename("/nope", "/x", RenameMode.INTO_DIRECTORY));
    assertThrows(FileNotFoundException.class,
        () -> nn.rename("/empty", "/no/parent", RenameMode.INTO_DIRECTORY));
    assertThrows(ParentNotDirectoryException.class,
        () -> nn.rename("/empty", "/dst/f/x", RenameMode.INTO_DIRECTORY));
  }

  @Test
  void renameKeepsEtag() throws IOException {
    createClosed("/e1");
    String etag = nn.getFileInfo("/e1").getEtag();
    assertFalse(etag.isEmpty());
    nn.rename("/e1", "/e2", RenameMode.NO_OVERWRITE);
    assertEquals(etag, nn.getFileInfo("/e2").getEtag());
  }

  @Test
  void deleteSemantics() throws IOException {
    nn.mkdirs("/t/sub", (short) 0755, true);
    createClosed("/t/sub/f");
    assertThrows(PathIsNotEmptyDirectoryException.class, () -> nn.delete("/t", false));
    assertTrue(nn.delete("/t", true));
    assertNull(nn.getFileInfo("/t/sub/f"));
    assertFalse(nn.delete("/t", true));
    assertFalse(nn.delete("/", true));
    assertNotNull(nn.getFileInfo("/"));
  }

  @Test
  void attributesChange() throws IOException {
    createClosed("/attr");
    nn.setPermission("/attr", (short) 0600);
    nn.setOwner("/attr", "someone", "somegroup");
    nn.setTimes("/attr", 1000, -1);
    assertTrue(nn.setReplication("/attr", (short) 2));
    InodeStatus s = nn.getFileInfo("/attr");
    assertEquals(0600, s.getPermission());
    assertEquals("someone", s.getOwner());
    assertEquals("somegroup", s.getGroup());
    assertEquals(1000, s.getModificationTime());
    assertEquals(2, s.getReplication());
    nn.mkdirs("/adir", (short) 0755, true);
    assertFalse(nn.setReplication("/adir", (short) 2));
    assertThrows(FileNotFoundException.class, () -> nn.setPermission("/zz", (short) 0));
  }

  @Test
  void contentSummaryCounts() throws IOException {
    nn.mkdirs("/cs/a", (short) 0755, true);
    createClosed("/cs/a/f1");
    createClosed("/cs/f2");
    ContentSummaryInfo s = nn.getContentSummary("/cs");
    assertEquals(2, s.getFileCount());
    assertEquals(2, s.getDirectoryCount());
    assertEquals(0, s.getLength());
  }
}
