package io.quire.datanode.storage;

import io.quire.protocol.storage.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The {@code current/VERSION} file of a storage directory: a Java properties file with
 *
 * <pre>
 * clusterId=&lt;cluster id from the NameNode's versionRequest&gt;
 * datanodeUuid=&lt;UUID chosen once by this DataNode&gt;
 * layoutVersion=1            (see {@link #LAYOUT_VERSION})
 * </pre>
 *
 * Written atomically: {@code VERSION.tmp} is written and fsynced, renamed over VERSION, and the
 * directory is fsynced; a crash leaves either the old or the new file (a stray VERSION.tmp
 * is ignored and overwritten next time).
 */
public final class StorageVersionFile {
  public static final String NAME = "VERSION";
  /** Layout version of this code's storage format. */
  public static final int LAYOUT_VERSION = 1;

  private final String clusterId;
  private final String datanodeUuid;
  private final int layoutVersion;

  public StorageVersionFile(String clusterId, String datanodeUuid, int layoutVersion) {
    this.clusterId = clusterId;
    this.datanodeUuid = datanodeUuid;
    this.layoutVersion = layoutVersion;
  }

  public String getClusterId() { return clusterId; }
  public String getDataNodeUuid() { return datanodeUuid; }
  public int getLayoutVersion() { return layoutVersion; }

  /** Reads a VERSION file; fails naming the file when a property is missing. */
  public static StorageVersionFile read(File file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = new FileInputStream(file)) {
      p.load(in);
    }
    String cid = p.getProperty("clusterId");
    String uuid = p.getProperty("datanodeUuid");
    String lv = p.getProperty("layoutVersion");
    if (cid == null || uuid == null || lv == null) {
      throw new IOException("read storage version " + file
          + ": missing clusterId, datanodeUuid or layoutVersion");
    }
    try {
      return new StorageVersionFile(cid, uuid, Integer.parseInt(lv.trim()));
    } catch (NumberFormatException e) {
      throw new IOException("read storage version " + file + ": bad layoutVersion " + lv, e);
    }
  }

  /** Writes this VERSION to {@code file}; when this returns, it is durable on disk. */
  public void writeAtomicallyAndSync(File file) throws IOException {
    Properties p = new Properties();
    p.setProperty("clusterId", clusterId);
    p.setProperty("datanodeUuid", datanodeUuid);
    p.setProperty("layoutVersion", Integer.toString(layoutVersion));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    p.store(bytes, "Quire DataNode storage");
    AtomicFiles.writeAndSync(file.toPath(), bytes.toByteArray());
  }
}
