package io.quire.namenode.storage;

import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Content of {@code <name.dir>/current/VERSION}: a Java properties file (UTF-8) with
 * <pre>
 * storageType=QUIRE_NAMENODE
 * clusterId=CID-&lt;uuid&gt;
 * layoutVersion=&lt;int&gt;     (see {@link NameNodeStorage#LAYOUT_VERSION})
 * ctime=&lt;millis since epoch at format time&gt;
 * </pre>
 * Written once at format, atomically ({@link AtomicFiles#writeAndSync}).
 */
record StorageVersion(String clusterId, int layoutVersion, long ctime) {
  static final String FILE_NAME = "VERSION";
  static final String STORAGE_TYPE = "QUIRE_NAMENODE";

  byte[] toBytes() {
    String text = "# Quire NameNode storage; do not edit\n"
        + "storageType=" + STORAGE_TYPE + "\n"
        + "clusterId=" + clusterId + "\n"
        + "layoutVersion=" + layoutVersion + "\n"
        + "ctime=" + ctime + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a VERSION file.
   *
   * @throws IncompatibleStorageException if it is unreadable or not a Quire NameNode's
   */
  static StorageVersion read(Path file) throws IOException {
    Properties p = new Properties();
    try {
      p.load(new java.io.InputStreamReader(new ByteArrayInputStream(Files.readAllBytes(file)),
          StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new IncompatibleStorageException("Cannot read storage VERSION file " + file, e);
    }
    String type = p.getProperty("storageType");
    if (!STORAGE_TYPE.equals(type)) {
      throw new IncompatibleStorageException("Storage VERSION file " + file + " has storageType="
          + type + ", not " + STORAGE_TYPE + ": this is not a Quire NameNode directory");
    }
    String clusterId = p.getProperty("clusterId");
    if (clusterId == null || !clusterId.startsWith("CID-")) {
      throw new IncompatibleStorageException("Storage VERSION file " + file
          + " has no valid clusterId (found " + clusterId + ")");
    }
    try {
      int layout = Integer.parseInt(p.getProperty("layoutVersion", "").trim());
      long ctime = Long.parseLong(p.getProperty("ctime", "").trim());
      return new StorageVersion(clusterId, layout, ctime);
    } catch (NumberFormatException e) {
      throw new IncompatibleStorageException("Storage VERSION file " + file
          + " has an unreadable layoutVersion or ctime", e);
    }
  }
}
