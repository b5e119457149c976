package io.quire.fs;

import io.quire.protocol.QuireConfigKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.QuotaUsage;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclStatus;

/**
 * FileContext binding of {@code quire://}: {@code fs.AbstractFileSystem.quire.impl =
 * io.quire.fs.QuireFs}. Delegates to a {@link QuireFileSystem}; rename with options goes to the
 * NameNode's exception-raising rename (OVERWRITE / NO_OVERWRITE), as HDFS's Hdfs class does.
 * ACL and extended attribute calls go to the same methods of the file system (Hadoop's
 * DelegateToFileSystem does not pass them on by itself).
 */
public class QuireFs extends DelegateToFileSystem {
  public QuireFs(URI theUri, Configuration conf) throws IOException, URISyntaxException {
    super(theUri, new QuireFileSystem(), conf, QuireConfigKeys.SCHEME, true);
  }

  @Override public int getUriDefaultPort() {
    return QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT;
  }

  @Override public void renameInternal(Path src, Path dst) throws IOException {
    ((QuireFileSystem) fsImpl).rename(src, dst, Options.Rename.NONE);
  }

  @Override public void renameInternal(Path src, Path dst, boolean overwrite) throws IOException {
    ((QuireFileSystem) fsImpl).rename(src, dst,
        overwrite ? Options.Rename.OVERWRITE : Options.Rename.NONE);
  }

  @Override public void modifyAclEntries(Path path, List<AclEntry> aclSpec) throws IOException {
    fsImpl.modifyAclEntries(path, aclSpec);
  }

  @Override public void removeAclEntries(Path path, List<AclEntry> aclSpec) throws IOException {
    fsImpl.removeAclEntries(path, aclSpec);
  }

  @Override public void removeDefaultAcl(Path path) throws IOException {
    fsImpl.removeDefaultAcl(path);
  }

  @Override public void removeAcl(Path path) throws IOException {
    fsImpl.removeAcl(path);
  }

  @Override public void setAcl(Path path, List<AclEntry> aclSpec) throws IOException {
    fsImpl.setAcl(path, aclSpec);
  }

  /** DistributedFileSystem's setQuota (AbstractFileSystem has no quota calls). */
  public void setQuota(Path path, long namespaceQuota, long storagespaceQuota)
      throws IOException {
    fsImpl.setQuota(path, namespaceQuota, storagespaceQuota);
  }

  public QuotaUsage getQuotaUsage(Path path) throws IOException {
    return fsImpl.getQuotaUsage(path);
  }

  public ContentSummary getContentSummary(Path path) throws IOException {
    return fsImpl.getContentSummary(path);
  }

  @Override public AclStatus getAclStatus(Path path) throws IOException {
    return fsImpl.getAclStatus(path);
  }

  @Override public void setXAttr(Path path, String name, byte[] value,
      EnumSet<XAttrSetFlag> flag) throws IOException {
    fsImpl.setXAttr(path, name, value, flag);
  }

  @Override public byte[] getXAttr(Path path, String name) throws IOException {
    return fsImpl.getXAttr(path, name);
  }

  @Override public Map<String, byte[]> getXAttrs(Path path) throws IOException {
    return fsImpl.getXAttrs(path);
  }

  @Override public Map<String, byte[]> getXAttrs(Path path, List<String> names)
      throws IOException {
    return fsImpl.getXAttrs(path, names);
  }

  @Override public List<String> listXAttrs(Path path) throws IOException {
    return fsImpl.listXAttrs(path);
  }

  @Override public void removeXAttr(Path path, String name) throws IOException {
    fsImpl.removeXAttr(path, name);
  }

  @Override public Path createSnapshot(Path path, String name) throws IOException {
    return fsImpl.createSnapshot(path, name);
  }

  @Override public void renameSnapshot(Path path, String oldName, String newName)
      throws IOException {
    fsImpl.renameSnapshot(path, oldName, newName);
  }

  @Override public void deleteSnapshot(Path path, String name) throws IOException {
    fsImpl.deleteSnapshot(path, name);
  }
}
