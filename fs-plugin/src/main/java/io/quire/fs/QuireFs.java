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
 * The calls Hadoop's DelegateToFileSystem does not pass on by itself (ACLs, extended
 * attributes, snapshots, quotas) go to the same concern classes the file system uses
 * ({@link AclOps}, {@link XAttrOps}, {@link SnapshotOps}, {@link QuotaOps}, and
 * {@link NamespaceOps} for rename), so both bindings run the same code.
 */
public class QuireFs extends DelegateToFileSystem {
  /** The constructor FileContext calls (NameNodes over Hadoop IPC). */
  public QuireFs(URI theUri, Configuration conf) throws IOException, URISyntaxException {
    this(theUri, conf, new QuireRpcProxyFactory());
  }

  /** Over the plain NameNode proxies {@code proxyFactory} makes (tests: in-process fakes). */
  public QuireFs(URI theUri, Configuration conf, NameNodeProxyFactory proxyFactory)
      throws IOException, URISyntaxException {
    super(theUri, new QuireFileSystem(proxyFactory), conf, QuireConfigKeys.SCHEME, true);
  }

  private QuireFileSystem fs() {
    return (QuireFileSystem) fsImpl;
  }

  @Override public int getUriDefaultPort() {
    return QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT;
  }

  @Override public void renameInternal(Path src, Path dst) throws IOException {
    fs().namespace().rename(src, dst, Options.Rename.NONE);
  }

  @Override public void renameInternal(Path src, Path dst, boolean overwrite) throws IOException {
    fs().namespace().rename(src, dst,
        overwrite ? Options.Rename.OVERWRITE : Options.Rename.NONE);
  }

  @Override public void modifyAclEntries(Path path, List<AclEntry> aclSpec) throws IOException {
    fs().acls().modifyAclEntries(path, aclSpec);
  }

  @Override public void removeAclEntries(Path path, List<AclEntry> aclSpec) throws IOException {
    fs().acls().removeAclEntries(path, aclSpec);
  }

  @Override public void removeDefaultAcl(Path path) throws IOException {
    fs().acls().removeDefaultAcl(path);
  }

  @Override public void removeAcl(Path path) throws IOException {
    fs().acls().removeAcl(path);
  }

  @Override public void setAcl(Path path, List<AclEntry> aclSpec) throws IOException {
    fs().acls().setAcl(path, aclSpec);
  }

  /** DistributedFileSystem's setQuota (AbstractFileSystem has no quota calls). */
  public void setQuota(Path path, long namespaceQuota, long storagespaceQuota)
      throws IOException {
    fs().quotas().setQuota(path, namespaceQuota, storagespaceQuota);
  }

  public QuotaUsage getQuotaUsage(Path path) throws IOException {
    return fs().quotas().getQuotaUsage(path);
  }

  public ContentSummary getContentSummary(Path path) throws IOException {
    return fs().quotas().getContentSummary(path);
  }

  @Override public AclStatus getAclStatus(Path path) throws IOException {
    return fs().acls().getAclStatus(path);
  }

  @Override public void setXAttr(Path path, String name, byte[] value,
      EnumSet<XAttrSetFlag> flag) throws IOException {
    fs().xattrs().setXAttr(path, name, value, flag);
  }

  @Override public byte[] getXAttr(Path path, String name) throws IOException {
    return fs().xattrs().getXAttr(path, name);
  }

  @Override public Map<String, byte[]> getXAttrs(Path path) throws IOException {
    return fs().xattrs().getXAttrs(path, List.of());
  }

  @Override public Map<String, byte[]> getXAttrs(Path path, List<String> names)
      throws IOException {
    return fs().xattrs().getXAttrs(path, names);
  }

  @Override public List<String> listXAttrs(Path path) throws IOException {
    return fs().xattrs().listXAttrs(path);
  }

  @Override public void removeXAttr(Path path, String name) throws IOException {
    fs().xattrs().removeXAttr(path, name);
  }

  @Override public Path createSnapshot(Path path, String name) throws IOException {
    return fs().snapshots().createSnapshot(path, name);
  }

  @Override public void renameSnapshot(Path path, String oldName, String newName)
      throws IOException {
    fs().snapshots().renameSnapshot(path, oldName, newName);
  }

  @Override public void deleteSnapshot(Path path, String name) throws IOException {
    fs().snapshots().deleteSnapshot(path, name);
  }
}
