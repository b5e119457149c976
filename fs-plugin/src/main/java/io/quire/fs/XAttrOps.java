package io.quire.fs;

import io.quire.protocol.types.XAttrName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.XAttrSetFlag;

/**
 * Extended attribute calls with HDFS's semantics (see ClientProtocol). Names are checked here
 * as HDFS's client checks them (HadoopIllegalArgumentException for a name without a known
 * namespace) and sent with the namespace in lower case. The NameNode's own argument refusals
 * (an attribute over the size limit) arrive as IOExceptions, as HDFS's client reports them.
 */
final class XAttrOps {
  private final FsContext fs;

  XAttrOps(FsContext fs) {
    this.fs = fs;
  }

  void setXAttr(Path path, String name, byte[] value, EnumSet<XAttrSetFlag> flag)
      throws IOException {
    fs.statistics().incrementWriteOps(1);
    String prefixed = XAttrName.parse(name).prefixed();
    try {
      fs.nn().setXAttr(fs.paths().pathOf(path), prefixed, value, flag);
    } catch (IllegalArgumentException e) {
      // The NameNode's refusal (too large): an IOException on the client, as from HDFS.
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The value of one attribute, or null when the path has none of that name. */
  byte[] getXAttr(Path path, String name) throws IOException {
    String p = fs.read(path);
    Map<String, byte[]> m = fs.nn().getXAttrs(p, List.of(XAttrName.parse(name).prefixed()));
    return m.isEmpty() ? null : m.values().iterator().next();
  }

  /** All attributes of a path the caller may read ({@code names} empty) or those named. */
  Map<String, byte[]> getXAttrs(Path path, List<String> names) throws IOException {
    fs.statistics().incrementReadOps(1);
    List<String> prefixed = new ArrayList<>(names.size());
    for (String n : names) {
      prefixed.add(XAttrName.parse(n).prefixed());
    }
    return fs.nn().getXAttrs(fs.paths().pathOf(path), prefixed);
  }

  List<String> listXAttrs(Path path) throws IOException {
    return fs.nn().listXAttrs(fs.read(path));
  }

  void removeXAttr(Path path, String name) throws IOException {
    String p = fs.write(path);
    fs.nn().removeXAttr(p, XAttrName.parse(name).prefixed());
  }
}
