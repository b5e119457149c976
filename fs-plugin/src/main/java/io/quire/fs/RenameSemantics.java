package io.quire.fs;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.RenameMode;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Hadoop's two renames onto the NameNode's exception-only rename.
 *
 * <p>{@code FileSystem.rename(src, dst)} (RenameMode.INTO_DIRECTORY) returns false, as HDFS
 * does, when the source is missing or is the root, the destination's parent is missing or is a
 * file, the destination (after moving into an existing directory) exists, or the destination is
 * under the source; renaming a file onto itself returns true, a directory onto itself false.
 * Every other failure (permissions, safe mode, I/O) is thrown.
 *
 * <p>{@code rename(src, dst, Options.Rename...)} throws instead: FileNotFoundException,
 * FileAlreadyExistsException, ParentNotDirectoryException, etc., straight from the NameNode.
 */
final class RenameSemantics {
  private static final Logger LOG = LoggerFactory.getLogger(RenameSemantics.class);

  private RenameSemantics() {}

  static boolean rename(ClientProtocol nn, String src, String dst) throws IOException {
    if (src.equals("/")) {
      return false;
    }
    if (src.equals(dst)) {
      InodeStatus s = nn.getFileInfo(src);
      return s != null && !s.isDirectory();
    }
    if (dst.startsWith(src + "/")) {
      LOG.debug("rename {} to {}: destination is under the source", src, dst);
      return false;
    }
    try {
      nn.rename(src, dst, RenameMode.INTO_DIRECTORY);
      return true;
    } catch (FileNotFoundException | FileAlreadyExistsException
        | ParentNotDirectoryException e) {
      LOG.debug("rename {} to {} refused: {}", src, dst, e.toString());
      return false;
    }
  }

  static void renameWithOptions(ClientProtocol nn, String src, String dst,
      Options.Rename... options) throws IOException {
    boolean overwrite = false;
    for (Options.Rename o : options) {
      overwrite |= o == Options.Rename.OVERWRITE;
    }
    nn.rename(src, dst, overwrite ? RenameMode.OVERWRITE : RenameMode.NO_OVERWRITE);
  }
}
