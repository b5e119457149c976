package io.quire.namenode.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.RenameMode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.InvalidPathException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inode paths ({@code /.reserved/.inodes/<id>}) for reads; /.reserved refused for writes. */
class ReservedPathsTest {
  private NamesystemFixture fx;
  private ClientProtocol nn;

  @BeforeEach
  void setUp() throws IOException {
    fx = new NamesystemFixture();
    nn = fx.client;
  }

  private long createClosed(String path) throws IOException {
    InodeStatus s = nn.create(path, (short) 0644, "client", false, true, (short) 1, 1024);
    assertTrue(nn.complete(path, s.getFileId(), "client", null));
    return s.getFileId();
  }

  @Test
  void inodePathFollowsARenamedFile() throws IOException {
    long id = createClosed("/a/file");
    String byId = ReservedPaths.inodePath(id);
    assertEquals("/a/file", nn.getFileInfo(byId).getPath());
    assertTrue(nn.mkdirs("/b", (short) 0755, true));
    nn.rename("/a/file", "/b/moved", RenameMode.NO_OVERWRITE);
    InodeStatus s = nn.getFileInfo(byId);
    assertEquals("/b/moved", s.getPath());
    assertEquals(id, s.getFileId());
    assertEquals(0, nn.getBlockLocations(byId, 0, 10).getFileLength());
    assertTrue(nn.isFileClosed(byId));
  }

  @Test
  void inodePathOfADirectoryListsAndResolvesNamesBelowIt() throws IOException {
    createClosed("/d/x");
    long dirId = nn.getFileInfo("/d").getFileId();
    DirectoryListing l = nn.getListing(ReservedPaths.inodePath(dirId), "");
    assertEquals(List.of("/d/x"), l.getEntries().stream().map(InodeStatus::getPath).toList());
    assertEquals("/d/x", nn.getFileInfo(ReservedPaths.inodePath(dirId) + "/x").getPath());
    assertEquals(1, nn.getContentSummary(ReservedPaths.inodePath(dirId)).getFileCount());
  }

  @Test
  void deletedOrUnknownInodeIsNotFound() throws IOException {
    long id = createClosed("/gone");
    assertTrue(nn.delete("/gone", false));
    assertNull(nn.getFileInfo(ReservedPaths.inodePath(id)));
    FileNotFoundException e = assertThrows(FileNotFoundException.class,
        () -> nn.getBlockLocations(ReservedPaths.inodePath(id), 0, 1));
    assertTrue(e.getMessage().contains("inode id " + id), e.getMessage());
  }

  @Test
  void malformedReservedPathsAreInvalid() {
    assertThrows(InvalidPathException.class, () -> nn.getFileInfo("/.reserved/.inodes/abc"));
    assertThrows(InvalidPathException.class, () -> nn.getFileInfo("/.reserved/raw/x"));
    assertThrows(InvalidPathException.class, () -> nn.getFileInfo("/.reserved"));
    assertFalse(ReservedPaths.isReserved("/.reservedx"));
  }

  @Test
  void mutationsUnderReservedAreRefused() throws IOException {
    long id = createClosed("/w");
    String byId = ReservedPaths.inodePath(id);
    InvalidPathException e = assertThrows(InvalidPathException.class,
        () -> nn.delete(byId, false));
    assertTrue(e.getMessage().contains("delete") && e.getMessage().contains(byId),
        e.getMessage());
    assertThrows(InvalidPathException.class, () -> nn.mkdirs("/.reserved", (short) 0755, true));
    assertThrows(InvalidPathException.class,
        () -> nn.rename("/w", "/.reserved/w", RenameMode.NO_OVERWRITE));
    assertThrows(InvalidPathException.class, () -> nn.setPermission(byId, (short) 0600));
    assertThrows(InvalidPathException.class, () -> nn.append(byId, "client"));
    assertEquals("/w", nn.getFileInfo(byId).getPath(), "nothing changed");
  }

  @Test
  void renameIntoTheRootCannotCreateReserved() throws IOException {
    assertTrue(nn.mkdirs("/tmp/.reserved", (short) 0755, true));
    InvalidPathException e = assertThrows(InvalidPathException.class,
        () -> nn.rename("/tmp/.reserved", "/", RenameMode.INTO_DIRECTORY));
    assertTrue(e.getMessage().contains("rename") && e.getMessage().contains("/.reserved"),
        e.getMessage());
    createClosed("/files/.reserved");
    assertThrows(InvalidPathException.class,
        () -> nn.rename("/files/.reserved", "/", RenameMode.INTO_DIRECTORY));
    assertEquals(List.of("/files", "/tmp"), nn.getListing("/", "").getEntries().stream()
        .map(InodeStatus::getPath).toList(), "no /.reserved in the root");
    assertEquals("/tmp/.reserved", nn.getFileInfo("/tmp/.reserved").getPath());
  }

  @Test
  void everyMutationRouteUnderReservedIsRefused() throws IOException {
    long id = createClosed("/t");
    long src = createClosed("/s");
    String byId = ReservedPaths.inodePath(id);
    assertThrows(InvalidPathException.class, () -> nn.create("/.reserved/a/f", (short) 0644,
        "client", false, true, (short) 1, 1024));
    assertThrows(InvalidPathException.class, () -> nn.create("/.reserved", (short) 0644,
        "client", false, true, (short) 1, 1024));
    assertThrows(InvalidPathException.class,
        () -> nn.mkdirs("/.reserved/x/y", (short) 0755, true));
    assertThrows(InvalidPathException.class,
        () -> nn.concat(byId, List.of("/s")));
    assertThrows(InvalidPathException.class,
        () -> nn.concat("/t", List.of(ReservedPaths.inodePath(src))));
    assertThrows(InvalidPathException.class,
        () -> nn.rename("/s", "/.reserved", RenameMode.OVERWRITE));
    assertThrows(InvalidPathException.class,
        () -> nn.rename(ReservedPaths.inodePath(src), "/moved", RenameMode.NO_OVERWRITE));
    assertEquals(List.of("/s", "/t"), nn.getListing("/", "").getEntries().stream()
        .map(InodeStatus::getPath).toList());
  }
}
