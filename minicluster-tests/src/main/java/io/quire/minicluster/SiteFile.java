package io.quire.minicluster;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes a Hadoop site file ({@code <configuration><property>...}) atomically: a temporary
 * file next to it, then a rename, so a script waiting for the file never reads half of it.
 */
final class SiteFile {
  private SiteFile() {}

  static void write(Configuration conf, File out) throws IOException {
    File abs = out.getAbsoluteFile();
    if (abs.getParentFile() != null) {
      abs.getParentFile().mkdirs();
    }
    File tmp = new File(abs.getPath() + ".tmp");
    try (OutputStream os = new FileOutputStream(tmp)) {
      conf.writeXml(os);
    }
    if (!tmp.renameTo(abs)) {
      throw new IOException("minicluster: cannot rename " + tmp + " to " + abs);
    }
  }
}
