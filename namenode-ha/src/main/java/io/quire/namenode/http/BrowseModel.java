package io.quire.namenode.http;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.web.JsonModel;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * {@code browse?path=/p}: the read-only file browser's data, read through the NameNode's own
 * ClientProtocol handler (getFileInfo, getListing, getBlockLocations: what {@code hadoop fs}
 * sees) as the web UI's user ({@code hadoop.http.staticuser.user}, default {@code dr.who}, as
 * HDFS's browser), so permissions apply. JSON:
 *
 * <pre>
 * {"path": "/p", "status": Status,
 *  "entries": [Status, ...], "truncated": false,       (a directory: at most 1000 entries)
 *  "blocks": [{"blockId", "generationStamp", "numBytes", "offset", "corrupt",
 *              "locations": [{"address", "uuid", "state"}]}]}   (a file)
 * Status: {"name", "path", "directory", "length", "replication", "blockSize",
 *          "modificationTime", "accessTime", "permission" ("rwxr-xr-x"), "owner", "group",
 *          "childrenCount", "underConstruction"}
 * </pre>
 *
 * A path that does not exist is 404, one the user may not read 403.
 */
final class BrowseModel implements JsonModel {
  static final int MAX_ENTRIES = 1000;

  record Status(String name, String path, boolean directory, long length, short replication,
      long blockSize, long modificationTime, long accessTime, String permission, String owner,
      String group, int childrenCount, boolean underConstruction) { }

  record Location(String address, String uuid, String state) { }

  record BlockInfo(long blockId, long generationStamp, long numBytes, long offset,
      boolean corrupt, List<Location> locations) { }

  record Browse(String path, Status status, List<Status> entries, boolean truncated,
      List<BlockInfo> blocks) { }

  private final Supplier<NameNodeState> state;
  private final String webUser;

  BrowseModel(Supplier<NameNodeState> state, String webUser) {
    this.state = state;
    this.webUser = webUser;
  }

  @Override public Browse build(Map<String, String> params) throws IOException {
    String path = params.getOrDefault("path", "/");
    if (path.isEmpty() || path.charAt(0) != '/') {
      throw new IllegalArgumentException("browse '" + path + "': give an absolute path"
          + " (starting with /)");
    }
    ClientProtocol nn = NameNodeState.require(state).rpc().getClientHandler();
    try {
      return UserGroupInformation.createRemoteUser(webUser)
          .doAs((PrivilegedExceptionAction<Browse>) () -> read(nn, path));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("browse " + path + ": interrupted", e);
    }
  }

  private static Browse read(ClientProtocol nn, String path) throws IOException {
    InodeStatus st = nn.getFileInfo(path);
    if (st == null) {
      throw new FileNotFoundException("browse " + path + ": no such file or directory");
    }
    List<Status> entries = List.of();
    List<BlockInfo> blocks = List.of();
    boolean truncated = false;
    if (st.isDirectory()) {
      entries = new ArrayList<>();
      String after = "";
      DirectoryListing page;
      do {
        page = nn.getListing(path, after);
        for (InodeStatus e : page.getEntries()) {
          if (entries.size() == MAX_ENTRIES) {
            truncated = true;
            break;
          }
          entries.add(status(e));
          after = name(e.getPath());
        }
      } while (page.hasMore() && !truncated && !page.getEntries().isEmpty());
    } else {
      LocatedBlocks lbs = nn.getBlockLocations(path, 0, Math.max(1, st.getLength()));
      blocks = new ArrayList<>();
      for (LocatedBlock lb : lbs.getBlocks()) {
        blocks.add(new BlockInfo(lb.getBlock().getBlockId(), lb.getBlock().getGenerationStamp(),
            lb.getBlock().getNumBytes(), lb.getOffset(), lb.isCorrupt(),
            lb.getLocations().stream().map(d -> new Location(d.getDataAddress(), d.getUuid(),
                d.getState().name())).toList()));
      }
    }
    return new Browse(st.getPath(), status(st), entries, truncated, blocks);
  }

  private static Status status(InodeStatus s) {
    return new Status(name(s.getPath()), s.getPath(), s.isDirectory(), s.getLength(),
        s.getReplication(), s.getBlockSize(), s.getModificationTime(), s.getAccessTime(),
        new FsPermission(s.getPermission()).toString(), s.getOwner(), s.getGroup(),
        s.getChildrenCount(), s.isUnderConstruction());
  }

  private static String name(String path) {
    return path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
  }
}
