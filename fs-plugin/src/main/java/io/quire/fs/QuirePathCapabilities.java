package io.quire.fs;

import java.util.Set;
import org.apache.hadoop.fs.CommonPathCapabilities;

/** The path capabilities a {@code quire://} file system declares (the same on every path). */
final class QuirePathCapabilities {
  private static final Set<String> SUPPORTED = Set.of(
      CommonPathCapabilities.FS_APPEND,
      CommonPathCapabilities.FS_CONCAT,
      CommonPathCapabilities.FS_PERMISSIONS,
      CommonPathCapabilities.FS_TRUNCATE,
      CommonPathCapabilities.FS_PATHHANDLES,
      CommonPathCapabilities.FS_CHECKSUMS,
      CommonPathCapabilities.ETAGS_AVAILABLE,
      CommonPathCapabilities.ETAGS_PRESERVED_IN_RENAME,
      CommonPathCapabilities.LEASE_RECOVERABLE,
      CommonPathCapabilities.FS_MULTIPART_UPLOADER,
      CommonPathCapabilities.BULK_DELETE,
      CommonPathCapabilities.FS_ACLS,
      CommonPathCapabilities.FS_XATTRS,
      CommonPathCapabilities.FS_SNAPSHOTS);

  private static final Set<String> UNSUPPORTED = Set.of(
      CommonPathCapabilities.FS_SYMLINKS,
      CommonPathCapabilities.FS_STORAGEPOLICY);

  private QuirePathCapabilities() {}

  /**
   * True or false for a capability Quire decides (lower case, as validated by Hadoop's
   * PathCapabilitiesSupport), null for one left to FileSystem's default.
   */
  static Boolean declared(String capability) {
    if (SUPPORTED.contains(capability)) {
      return Boolean.TRUE;
    }
    return UNSUPPORTED.contains(capability) ? Boolean.FALSE : null;
  }
}
