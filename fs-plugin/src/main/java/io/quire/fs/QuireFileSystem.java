package io.quire.fs;

import io.quire.client.ClientOptions;
import io.quire.client.FileChecksums;
import io.quire.client.QuireClient;
import io.quire.client.QuireOutputStream;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.SnapshotDiffEntry;
import io.quire.protocol.types.SnapshottableDirectory;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.HadoopIllegalArgumentException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.BulkDelete;
import org.apache.hadoop.fs.CompositeCrcFileChecksum;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.FsStatus;
import org.apache.hadoop.fs.LeaseRecoverable;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.MultipartUploaderBuilder;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathFilter;
import org.apache.hadoop.fs.PathHandle;
import org.apache.hadoop.fs.QuotaUsage;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.SafeMode;
import org.apache.hadoop.fs.SafeModeAction;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.impl.FileSystemMultipartUploaderBuilder;
import org.apache.hadoop.fs.impl.PathCapabilitiesSupport;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclStatus;
import org.apache.hadoop.fs.permission.FsCreateModes;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.util.Progressable;

/**
 * The Hadoop FileSystem for {@code quire://} URIs: {@code quire://host[:port]/} names one
 * NameNode (port {@value QuireConfigKeys#NAMENODE_RPC_PORT_DEFAULT} by default),
 * {@code quire://<ns>/} the NameNodes of HA nameservice {@code <ns>}
 * ({@code quire.namenode.ids.<ns>}).
 *
 * <p>Registration: found through ServiceLoader
 * (META-INF/services/org.apache.hadoop.fs.FileSystem);
 * explicitly, {@code fs.quire.impl = io.quire.fs.QuireFileSystem} and, for FileContext,
 * {@code fs.AbstractFileSystem.quire.impl = io.quire.fs.QuireFs}. Loading this class adds
 * {@value #DEFAULT_RESOURCE} (which sets the latter) to Hadoop's default resources, so FileContext
 * finds {@code quire} once any FileSystem lookup has run in the JVM (that lookup instantiates
 * every FileSystem of the ServiceLoader, this one included).
 *
 * <p>A thin adapter: Configuration becomes {@link ClientOptions} here, paths become absolute
 * Quire paths ({@link QuirePaths}), reads and writes of file contents go to {@link QuireClient},
 * and everything else to the NameNode proxy (always a RetryProxy with failover, see
 * {@link NameNodeProxies}) through one binding per concern, shared with {@link QuireFs}:
 * {@link NamespaceOps}, {@link AttributeOps}, {@link QuotaOps}, {@link AclOps},
 * {@link XAttrOps}, {@link SnapshotOps}, {@link ClusterOps}; path handles are
 * {@link PathHandles}, capabilities {@link QuirePathCapabilities}. Boolean results exist only
 * where Hadoop's API has them (rename, delete, mkdirs); see {@link RenameSemantics}.
 */
public class QuireFileSystem extends FileSystem implements LeaseRecoverable, SafeMode {
  /** The client's default configuration resource (on the class path, in this jar). */
  public static final String DEFAULT_RESOURCE = "quire-client-default.xml";

  static {
    Configuration.addDefaultResource(DEFAULT_RESOURCE);
  }

  private final NameNodeProxyFactory proxyFactory;
  private URI uri;
  private QuirePaths paths;
  private QuireClient client;
  private ClientProtocol nn;
  private ClientOptions options;
  private volatile boolean verifyChecksum;
  private NamespaceOps namespace;
  private AttributeOps attributes;
  private QuotaOps quotas;
  private AclOps acls;
  private XAttrOps xattrs;
  private SnapshotOps snapshots;
  private ClusterOps cluster;

  /** A file system talking to its NameNodes over Hadoop IPC (as FileSystem.get makes it). */
  public QuireFileSystem() {
    this(new QuireRpcProxyFactory());
  }

  /** A file system whose plain NameNode proxies {@code proxyFactory} makes (tests: fakes). */
  public QuireFileSystem(NameNodeProxyFactory proxyFactory) {
    this.proxyFactory = Objects.requireNonNull(proxyFactory, "proxyFactory");
  }

  @Override public void initialize(URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    setConf(conf);
    if (name.getAuthority() == null || name.getAuthority().isEmpty()) {
      throw new IOException("quire URI " + name + " has no authority (want quire://host:port/)");
    }
    this.uri = URI.create(QuireConfigKeys.SCHEME + "://" + name.getAuthority());
    UserGroupInformation ugi = UserGroupInformation.getCurrentUser();
    this.options = ClientOptions.from(conf);
    NameNodeProxies.Retrying proxies =
        NameNodeProxies.create(conf, options.failover(), uri, ugi, proxyFactory);
    this.nn = proxies.proxy();
    String clientName = "QuireClient_" + ugi.getShortUserName() + "_"
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "_"
        + Thread.currentThread().getId();
    this.client = new QuireClient(nn, options, clientName, proxies);
    this.verifyChecksum = options.verifyChecksum();
    this.paths = new QuirePaths(uri, this::checkPath);
    paths.setWorkingDirectory(getHomeDirectory());
    FsContext context = new FsContext(nn, paths, statistics);
    this.namespace = new NamespaceOps(context, clientName);
    this.attributes = new AttributeOps(context);
    this.quotas = new QuotaOps(context);
    this.acls = new AclOps(context);
    this.xattrs = new XAttrOps(context);
    this.snapshots = new SnapshotOps(context);
    this.cluster = new ClusterOps(context);
  }

  /** The client core behind this FileSystem (for tools and tests). */
  public QuireClient getClient() { return client; }

  // the concern classes, for QuireFs (the same code behind both bindings)
  NamespaceOps namespace() { return namespace; }
  QuotaOps quotas() { return quotas; }
  AclOps acls() { return acls; }
  XAttrOps xattrs() { return xattrs; }
  SnapshotOps snapshots() { return snapshots; }

  @Override public String getScheme() { return QuireConfigKeys.SCHEME; }
  @Override public URI getUri() { return uri; }
  @Override protected int getDefaultPort() { return QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT; }

  @Override public Path getWorkingDirectory() {
    return paths == null ? null : paths.workingDirectory();
  }

  @Override public void setWorkingDirectory(Path dir) {
    Path q = makeQualified(dir);
    paths.pathOf(q);
    paths.setWorkingDirectory(q);
  }

  /** A nameservice name (its NameNodes in the configuration) is canonical as it is: no port. */
  @Override protected URI canonicalizeUri(URI u) {
    if (u.getPort() < 0 && u.getHost() != null && getConf() != null
        && io.quire.protocol.ha.Nameservice.isDefined(getConf(), u.getHost())) {
      return u;
    }
    return super.canonicalizeUri(u);
  }

  @Override public long getDefaultBlockSize() { return options.defaultBlockSize(); }
  @Override public short getDefaultReplication() { return options.defaultReplication(); }

  /** The absolute Quire path of {@code p} (resolved against the working directory). */
  String pathOf(Path p) {
    return paths.pathOf(p);
  }

  /** {@code requested} (or {@code fallback} when null) with the configured umask applied. */
  private FsPermission withUmask(FsPermission requested, FsPermission fallback) {
    return FsCreateModes.applyUMask(requested == null ? fallback : requested,
        FsPermission.getUMask(getConf()));
  }

  // ---- file contents (QuireClient) ---------------------------------------------------------

  @Override public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite,
      int bufferSize, short replication, long blockSize, Progressable progress)
      throws IOException {
    return create(f, permission, overwrite, true, replication, blockSize);
  }

  @Override public FSDataOutputStream createNonRecursive(Path f, FsPermission permission,
      EnumSet<CreateFlag> flags, int bufferSize, short replication, long blockSize,
      Progressable progress) throws IOException {
    return create(f, permission, flags.contains(CreateFlag.OVERWRITE), false, replication,
        blockSize);
  }

  private FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite,
      boolean createParent, short replication, long blockSize) throws IOException {
    statistics.incrementWriteOps(1);
    FsPermission p = withUmask(permission, FsPermission.getFileDefault());
    QuireOutputStream out;
    try {
      out = client.create(pathOf(f), p.getMasked().toShort(), p.getUnmasked().toShort(),
          overwrite, createParent, replication, blockSize);
    } catch (HadoopIllegalArgumentException e) {
      throw Refusals.refused(e);
    }
    return new FSDataOutputStream(out, statistics);
  }

  @Override public FSDataOutputStream append(Path f, int bufferSize, Progressable progress)
      throws IOException {
    statistics.incrementWriteOps(1);
    String path = pathOf(f);
    QuireOutputStream out = client.append(path);
    return new FSDataOutputStream(out, statistics, out.getInitialFileLength());
  }

  @Override public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    statistics.incrementReadOps(1);
    return new FSDataInputStream(client.open(pathOf(f), verifyChecksum, statistics));
  }

  @Override public void setVerifyChecksum(boolean verify) { this.verifyChecksum = verify; }

  @Override protected PathHandle createPathHandle(FileStatus stat, Options.HandleOpt... opts) {
    return PathHandles.create(stat, pathOf(stat.getPath()), opts);
  }

  @Override public FSDataInputStream open(PathHandle fd, int bufferSize) throws IOException {
    statistics.incrementReadOps(1);
    String path = PathHandles.verify(nn, fd);
    return new FSDataInputStream(client.open(path, verifyChecksum, statistics));
  }

  @Override public FileChecksum getFileChecksum(Path f) throws IOException {
    return getFileChecksum(f, Long.MAX_VALUE);
  }

  /** COMPOSITE_CRC (CRC32C, 512 bytes per CRC): equals HDFS's in COMPOSITE_CRC mode. */
  @Override public FileChecksum getFileChecksum(Path f, long length) throws IOException {
    statistics.incrementReadOps(1);
    int crc = client.getFileCompositeCrc(pathOf(f), length);
    return new CompositeCrcFileChecksum(crc, FileChecksums.CRC_TYPE,
        FileChecksums.BYTES_PER_CRC);
  }

  /**
   * Multipart upload as HDFS offers it: Hadoop's FileSystemMultipartUploader writes each part
   * as a file under a temporary directory and completes the upload with concat and rename.
   */
  @Override public MultipartUploaderBuilder createMultipartUploader(Path basePath)
      throws IOException {
    return new FileSystemMultipartUploaderBuilder(this, basePath);
  }

  /**
   * A {@link QuireBulkDelete} of up to {@link QuireBulkDelete#PAGE_SIZE} paths under
   * {@code base} per call.
   */
  @Override public BulkDelete createBulkDelete(Path base) throws IOException {
    return new QuireBulkDelete(this, base);
  }

  // ---- namespace (NamespaceOps, AttributeOps, QuotaOps) ------------------------------------

  @Override public FileStatus getFileStatus(Path f) throws IOException {
    return namespace.getFileStatus(f);
  }

  @Override public FileStatus[] listStatus(Path f) throws IOException {
    List<FileStatus> all = new ArrayList<>();
    RemoteIterator<FileStatus> it = listStatusIterator(f);
    while (it.hasNext()) {
      all.add(it.next());
    }
    return all.toArray(new FileStatus[0]);
  }

  @Override public RemoteIterator<FileStatus> listStatusIterator(Path f) throws IOException {
    return namespace.listStatusIterator(f);
  }

  /** Listing with block locations; every entry keeps its etag (EtagSource). */
  @Override protected RemoteIterator<LocatedFileStatus> listLocatedStatus(Path f,
      PathFilter filter) throws IOException {
    return new LocatedListingIterator(namespace.listingWithLocations(f), filter,
        s -> getFileBlockLocations(s, 0, s.getLen()));
  }

  @Override public boolean mkdirs(Path f, FsPermission permission) throws IOException {
    return namespace.mkdirs(f, withUmask(permission, FsPermission.getDirDefault()));
  }

  @Override public boolean rename(Path src, Path dst) throws IOException {
    return namespace.rename(src, dst);
  }

  @Override
  @SuppressWarnings("deprecation")
  protected void rename(Path src, Path dst, Options.Rename... options) throws IOException {
    namespace.rename(src, dst, options);
  }

  /**
   * Deletes a path. The root is never deleted (HDFS semantics): false, or
   * PathIsNotEmptyDirectoryException for a non-recursive delete of a non-empty root.
   */
  @Override public boolean delete(Path f, boolean recursive) throws IOException {
    return namespace.delete(f, recursive);
  }

  @Override public void concat(Path trg, Path[] psrcs) throws IOException {
    namespace.concat(trg, psrcs);
  }

  @Override public boolean truncate(Path f, long newLength) throws IOException {
    return namespace.truncate(f, newLength);
  }

  /** Block locations with the DataNodes' real hosts ("host"), names ("host:port") and racks. */
  @Override public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len)
      throws IOException {
    return namespace.getFileBlockLocations(file, start, len);
  }

  @Override public boolean recoverLease(Path f) throws IOException {
    return namespace.recoverLease(f);
  }

  @Override public boolean isFileClosed(Path f) throws IOException {
    return namespace.isFileClosed(f);
  }

  @Override public void setPermission(Path p, FsPermission permission) throws IOException {
    attributes.setPermission(p, permission);
  }

  @Override public void setOwner(Path p, String username, String groupname) throws IOException {
    attributes.setOwner(p, username, groupname);
  }

  @Override public void setTimes(Path p, long mtime, long atime) throws IOException {
    attributes.setTimes(p, mtime, atime);
  }

  @Override public boolean setReplication(Path p, short replication) throws IOException {
    return attributes.setReplication(p, replication);
  }

  @Override public ContentSummary getContentSummary(Path f) throws IOException {
    return quotas.getContentSummary(f);
  }

  /** The quotas and usage of a path, from the NameNode's counters (as HDFS's). */
  @Override public QuotaUsage getQuotaUsage(Path f) throws IOException {
    return quotas.getQuotaUsage(f);
  }

  /** As DistributedFileSystem#setQuota; see {@link QuotaOps#setQuota}. */
  @Override public void setQuota(Path src, long namespaceQuota, long storagespaceQuota)
      throws IOException {
    quotas.setQuota(src, namespaceQuota, storagespaceQuota);
  }

  // ---- cluster (ClusterOps) ------------------------------------------------------------------

  @Override public FsServerDefaults getServerDefaults() throws IOException {
    return cluster.getServerDefaults(getConf());
  }

  @Override public FsServerDefaults getServerDefaults(Path p) throws IOException {
    return getServerDefaults();
  }

  @Override public FsStatus getStatus(Path p) throws IOException {
    return cluster.getStatus();
  }

  /** Live DataNodes as the NameNode reports them (for admin tools). */
  public List<DataNodeInfo> getDataNodeReport() throws IOException {
    return cluster.getDataNodeReport();
  }

  @Override public boolean setSafeMode(SafeModeAction action, boolean isChecked)
      throws IOException {
    return cluster.setSafeMode(action);
  }

  @Override public boolean hasPathCapability(Path path, String capability) throws IOException {
    Boolean declared = QuirePathCapabilities.declared(PathCapabilitiesSupport
        .validatePathCapabilityArgs(makeQualified(path), capability).toLowerCase(Locale.ROOT));
    return declared != null ? declared : super.hasPathCapability(path, capability);
  }

  // ---- ACLs and extended attributes (AclOps, XAttrOps) -------------------------------------

  @Override public void modifyAclEntries(Path path, List<AclEntry> aclSpec) throws IOException {
    acls.modifyAclEntries(path, aclSpec);
  }

  @Override public void removeAclEntries(Path path, List<AclEntry> aclSpec) throws IOException {
    acls.removeAclEntries(path, aclSpec);
  }

  @Override public void removeDefaultAcl(Path path) throws IOException {
    acls.removeDefaultAcl(path);
  }

  @Override public void removeAcl(Path path) throws IOException {
    acls.removeAcl(path);
  }

  @Override public void setAcl(Path path, List<AclEntry> aclSpec) throws IOException {
    acls.setAcl(path, aclSpec);
  }

  @Override public AclStatus getAclStatus(Path path) throws IOException {
    return acls.getAclStatus(path);
  }

  /** Names checked as HDFS's client checks them; see {@link XAttrOps}. */
  @Override public void setXAttr(Path path, String name, byte[] value,
      EnumSet<XAttrSetFlag> flag) throws IOException {
    xattrs.setXAttr(path, name, value, flag);
  }

  @Override public byte[] getXAttr(Path path, String name) throws IOException {
    return xattrs.getXAttr(path, name);
  }

  @Override public Map<String, byte[]> getXAttrs(Path path) throws IOException {
    return xattrs.getXAttrs(path, List.of());
  }

  @Override public Map<String, byte[]> getXAttrs(Path path, List<String> names)
      throws IOException {
    return xattrs.getXAttrs(path, names);
  }

  @Override public List<String> listXAttrs(Path path) throws IOException {
    return xattrs.listXAttrs(path);
  }

  @Override public void removeXAttr(Path path, String name) throws IOException {
    xattrs.removeXAttr(path, name);
  }

  // ---- snapshots (SnapshotOps) ---------------------------------------------------------------

  /** {@code hdfs dfsadmin -allowSnapshot}: superuser only. */
  public void allowSnapshot(Path path) throws IOException {
    snapshots.allowSnapshot(path);
  }

  /** {@code hdfs dfsadmin -disallowSnapshot}: superuser only, refused while snapshots exist. */
  public void disallowSnapshot(Path path) throws IOException {
    snapshots.disallowSnapshot(path);
  }

  @Override public Path createSnapshot(Path path, String name) throws IOException {
    return snapshots.createSnapshot(path, name);
  }

  @Override public void renameSnapshot(Path path, String oldName, String newName)
      throws IOException {
    snapshots.renameSnapshot(path, oldName, newName);
  }

  @Override public void deleteSnapshot(Path path, String name) throws IOException {
    snapshots.deleteSnapshot(path, name);
  }

  /** The snapshottable directories the caller owns (all for the superuser). */
  public List<SnapshottableDirectory> getSnapshottableDirListing() throws IOException {
    return snapshots.getSnapshottableDirListing();
  }

  /** What changed from snapshot {@code from} to {@code to} ("" or "." : the current state). */
  public List<SnapshotDiffEntry> getSnapshotDiffReport(Path path, String from, String to)
      throws IOException {
    return snapshots.getSnapshotDiffReport(path, from, to);
  }

  @Override public void close() throws IOException {
    try {
      super.close();
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }

  @Override public String toString() {
    return "QuireFileSystem{" + uri + ", client=" + (client == null ? "-" : client.clientName())
        + "}";
  }
}
