package io.quire.fs;

import io.quire.client.ClientOptions;
import io.quire.client.FileChecksums;
import io.quire.client.QuireClient;
import io.quire.client.QuireOutputStream;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.DatanodeInfo;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.protocol.types.QuotaValues;
import io.quire.protocol.types.ServerDefaults;
import io.quire.protocol.types.XAttrName;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.BulkDelete;
import org.apache.hadoop.fs.CommonPathCapabilities;
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
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.fs.QuotaUsage;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.SafeMode;
import org.apache.hadoop.fs.SafeModeAction;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.impl.FileSystemMultipartUploaderBuilder;
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
 * <p>Registration: found through ServiceLoader (META-INF/services/org.apache.hadoop.fs.FileSystem);
 * explicitly, {@code fs.quire.impl = io.quire.fs.QuireFileSystem} and, for FileContext,
 * {@code fs.AbstractFileSystem.quire.impl = io.quire.fs.QuireFs}. Loading this class adds
 * {@value #DEFAULT_RESOURCE} (which sets the latter) to Hadoop's default resources, so FileContext
 * finds {@code quire} once any FileSystem lookup has run in the JVM (that lookup instantiates
 * every FileSystem of the ServiceLoader, this one included).
 *
 * <p>A thin adapter: Configuration becomes {@link ClientOptions} here, paths become absolute
 * Quire paths, and the work is done by {@link QuireClient} and the NameNode proxy (always a
 * RetryProxy with failover, see {@link NameNodeProxies}). Boolean results exist only where
 * Hadoop's API has them (rename, delete, mkdirs); see {@link RenameSemantics}.
 */
public class QuireFileSystem extends FileSystem implements LeaseRecoverable, SafeMode {
  /** The client's default configuration resource (on the class path, in this jar). */
  public static final String DEFAULT_RESOURCE = "quire-client-default.xml";

  static {
    Configuration.addDefaultResource(DEFAULT_RESOURCE);
  }

  private URI uri;
  private Path workingDir;
  private QuireClient client;
  private ClientProtocol nn;
  private ClientOptions options;
  private volatile boolean verifyChecksum;

  @Override public void initialize(URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    setConf(conf);
    if (name.getAuthority() == null || name.getAuthority().isEmpty()) {
      throw new IOException("quire URI " + name + " has no authority (want quire://host:port/)");
    }
    this.uri = URI.create(QuireConfigKeys.SCHEME + "://" + name.getAuthority());
    UserGroupInformation ugi = UserGroupInformation.getCurrentUser();
    this.options = ClientOptions.fromConfiguration(conf);
    NameNodeProxies.Retrying proxies = NameNodeProxies.create(conf, uri, ugi);
    this.nn = proxies.proxy();
    String clientName = "QuireClient_" + ugi.getShortUserName() + "_"
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "_"
        + Thread.currentThread().getId();
    this.client = new QuireClient(nn, options, clientName, proxies);
    this.verifyChecksum = options.verifyChecksum();
    this.workingDir = getHomeDirectory();
  }

  /** The client core behind this FileSystem (for tools and tests). */
  public QuireClient getClient() { return client; }

  @Override public String getScheme() { return QuireConfigKeys.SCHEME; }
  @Override public URI getUri() { return uri; }
  @Override protected int getDefaultPort() { return QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT; }
  @Override public Path getWorkingDirectory() { return workingDir; }

  @Override public void setWorkingDirectory(Path dir) {
    Path q = makeQualified(dir);
    pathOf(q);
    workingDir = q;
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
    checkPath(p);
    Path abs = p.isAbsolute() ? p : new Path(workingDir, p);
    String s = abs.toUri().getPath();
    return s.isEmpty() ? "/" : s;
  }

  FileStatus toStatus(InodeStatus s, String listedDir) {
    String p = s.getPath();
    if (!p.startsWith("/")) {
      p = listedDir.endsWith("/") ? listedDir + p : listedDir + "/" + p;
    }
    return new QuireFileStatus(s, new Path(uri.getScheme(), uri.getAuthority(), p));
  }

  // ---- files -----------------------------------------------------------------------------

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
    FsPermission p = FsCreateModes.applyUMask(
        permission == null ? FsPermission.getFileDefault() : permission,
        FsPermission.getUMask(getConf()));
    QuireOutputStream out;
    try {
      out = client.create(pathOf(f), p.getMasked().toShort(), p.getUnmasked().toShort(),
          overwrite, createParent, replication, blockSize);
    } catch (org.apache.hadoop.HadoopIllegalArgumentException e) {
      throw refused(e);
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

  // ---- namespace ---------------------------------------------------------------------------

  @Override public FileStatus getFileStatus(Path f) throws IOException {
    statistics.incrementReadOps(1);
    String path = pathOf(f);
    InodeStatus s = nn.getFileInfo(path);
    if (s == null) {
      throw new FileNotFoundException("getFileStatus: " + makeQualified(f) + ": not found");
    }
    return toStatus(s, path);
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
    statistics.incrementReadOps(1);
    String path = pathOf(f);
    try {
      return new ListingIterator(nn, path, s -> toStatus(s, path));
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("listStatus: " + makeQualified(f) + ": not found");
    }
  }

  /** Listing with block locations; every entry keeps its etag (EtagSource). */
  @Override protected RemoteIterator<LocatedFileStatus> listLocatedStatus(Path f,
      PathFilter filter) throws IOException {
    return new LocatedListingIterator(listStatusIterator(f), filter,
        s -> getFileBlockLocations(s, 0, s.getLen()));
  }

  @Override public boolean mkdirs(Path f, FsPermission permission) throws IOException {
    statistics.incrementWriteOps(1);
    FsPermission p = FsCreateModes.applyUMask(
        permission == null ? FsPermission.getDirDefault() : permission,
        FsPermission.getUMask(getConf()));
    try {
      return nn.mkdirs(pathOf(f), p.getMasked().toShort(), p.getUnmasked().toShort(), true);
    } catch (org.apache.hadoop.HadoopIllegalArgumentException e) {
      throw refused(e);
    }
  }

  /**
   * The NameNode's refusal of a name (HDFS's HadoopIllegalArgumentException: "\".snapshot\" is
   * a reserved name.") as the IOException HDFS's client reports it as (FsShell prints it as an
   * error, not as a usage error).
   */
  private static IOException refused(org.apache.hadoop.HadoopIllegalArgumentException e) {
    return new IOException(e.getMessage(), e);
  }

  @Override public boolean rename(Path src, Path dst) throws IOException {
    statistics.incrementWriteOps(1);
    return RenameSemantics.rename(nn, pathOf(src), pathOf(dst));
  }

  @Override
  @SuppressWarnings("deprecation")
  protected void rename(Path src, Path dst, Options.Rename... options) throws IOException {
    statistics.incrementWriteOps(1);
    RenameSemantics.renameWithOptions(nn, pathOf(src), pathOf(dst), options);
  }

  /**
   * Deletes a path. The root is never deleted (HDFS semantics): false, or
   * PathIsNotEmptyDirectoryException for a non-recursive delete of a non-empty root.
   */
  @Override public boolean delete(Path f, boolean recursive) throws IOException {
    statistics.incrementWriteOps(1);
    String path = pathOf(f);
    if (path.equals("/")) {
      InodeStatus root = nn.getFileInfo("/");
      if (!recursive && root != null && root.getChildrenCount() > 0) {
        throw new PathIsNotEmptyDirectoryException("delete " + makeQualified(f)
            + ": the root directory is not empty");
      }
      return false;
    }
    return nn.delete(path, recursive);
  }

  @Override public void setPermission(Path p, FsPermission permission) throws IOException {
    statistics.incrementWriteOps(1);
    nn.setPermission(pathOf(p), permission.toShort());
  }

  @Override public void setOwner(Path p, String username, String groupname) throws IOException {
    if (username == null && groupname == null) {
      throw new IllegalArgumentException("setOwner " + p + ": username and groupname are null");
    }
    statistics.incrementWriteOps(1);
    nn.setOwner(pathOf(p), username, groupname);
  }

  @Override public void setTimes(Path p, long mtime, long atime) throws IOException {
    statistics.incrementWriteOps(1);
    nn.setTimes(pathOf(p), mtime, atime);
  }

  @Override public boolean setReplication(Path p, short replication) throws IOException {
    statistics.incrementWriteOps(1);
    return nn.setReplication(pathOf(p), replication);
  }

  @Override public ContentSummary getContentSummary(Path f) throws IOException {
    statistics.incrementReadOps(1);
    ContentSummaryInfo c = nn.getContentSummary(pathOf(f));
    return new ContentSummary.Builder().length(c.getLength()).fileCount(c.getFileCount())
        .directoryCount(c.getDirectoryCount()).spaceConsumed(c.getSpaceConsumed())
        .quota(c.getQuota()).spaceQuota(c.getSpaceQuota()).build();
  }

  /** The quotas and usage of a path, from the NameNode's counters (as HDFS's). */
  @Override public QuotaUsage getQuotaUsage(Path f) throws IOException {
    statistics.incrementReadOps(1);
    return nn.getQuotaUsage(pathOf(f));
  }

  /**
   * Sets a directory's name quota (files + directories) and space quota (bytes x
   * replication), as DistributedFileSystem#setQuota: {@link QuotaValues#DONT_SET} leaves one
   * unchanged, {@link QuotaValues#RESET} (-1) clears it; the superuser only. Values are
   * checked here as HDFS's client does (a name quota of 0 is refused).
   */
  @Override public void setQuota(Path src, long namespaceQuota, long storagespaceQuota)
      throws IOException {
    statistics.incrementWriteOps(1);
    if ((namespaceQuota <= 0 && namespaceQuota != QuotaValues.DONT_SET
        && namespaceQuota != QuotaValues.RESET)
        || (storagespaceQuota < 0 && storagespaceQuota != QuotaValues.DONT_SET
        && storagespaceQuota != QuotaValues.RESET)) {
      throw new IllegalArgumentException("Invalid values for quota : " + namespaceQuota
          + " and " + storagespaceQuota);
    }
    nn.setQuota(pathOf(src), namespaceQuota, storagespaceQuota);
  }

  @Override public void concat(Path trg, Path[] psrcs) throws IOException {
    statistics.incrementWriteOps(1);
    List<String> sources = new ArrayList<>(psrcs.length);
    for (Path p : psrcs) {
      sources.add(pathOf(p));
    }
    nn.concat(pathOf(trg), sources);
  }

  /**
   * Multipart upload as HDFS offers it: Hadoop's FileSystemMultipartUploader writes each part
   * as a file under a temporary directory and completes the upload with concat and rename.
   */
  @Override public MultipartUploaderBuilder createMultipartUploader(Path basePath)
      throws IOException {
    return new FileSystemMultipartUploaderBuilder(this, basePath);
  }

  @Override public boolean truncate(Path f, long newLength) throws IOException {
    statistics.incrementWriteOps(1);
    return nn.truncate(pathOf(f), newLength, client.clientName());
  }

  // ---- blocks, checksums, cluster ----------------------------------------------------------

  /** Block locations with the DataNodes' real hosts ("host"), names ("host:port") and racks. */
  @Override public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len)
      throws IOException {
    if (file == null) {
      return null;
    }
    if (start < 0 || len < 0) {
      throw new IllegalArgumentException("getFileBlockLocations " + file.getPath()
          + ": negative start " + start + " or length " + len);
    }
    if (file.getLen() <= start) {
      return new BlockLocation[0];
    }
    statistics.incrementReadOps(1);
    LocatedBlocks lbs = nn.getBlockLocations(pathOf(file.getPath()), start, len);
    if (lbs == null) {
      throw new FileNotFoundException("getFileBlockLocations: " + file.getPath() + ": not found");
    }
    return BlockLocations.convert(lbs.getBlocks());
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

  @Override public FsServerDefaults getServerDefaults() throws IOException {
    ServerDefaults d = nn.getServerDefaults();
    return new FsServerDefaults(d.getBlockSize(), d.getBytesPerChecksum(), d.getPacketSize(),
        d.getReplication(), getConf().getInt("io.file.buffer.size", 4096), false,
        getConf().getLong("fs.trash.interval", 0), FileChecksums.CRC_TYPE);
  }

  @Override public FsServerDefaults getServerDefaults(Path p) throws IOException {
    return getServerDefaults();
  }

  @Override public FsStatus getStatus(Path p) throws IOException {
    statistics.incrementReadOps(1);
    FsStats s = nn.getStats();
    return new FsStatus(s.getCapacity(), s.getUsed(), s.getRemaining());
  }

  /** Live DataNodes as the NameNode reports them (for admin tools). */
  public List<DatanodeInfo> getDatanodeReport() throws IOException {
    return nn.getDatanodeReport();
  }

  @Override public boolean recoverLease(Path f) throws IOException {
    String path = requireFile(f, "recoverLease");
    return nn.recoverLease(path, client.clientName());
  }

  @Override public boolean isFileClosed(Path f) throws IOException {
    return nn.isFileClosed(requireFile(f, "isFileClosed"));
  }

  private String requireFile(Path f, String op) throws IOException {
    String path = pathOf(f);
    InodeStatus s = nn.getFileInfo(path);
    if (s == null) {
      throw new FileNotFoundException(op + ": File does not exist: " + path);
    }
    if (s.isDirectory()) {
      throw new FileNotFoundException(op + ": Path is not a file: " + path);
    }
    return path;
  }

  @Override public boolean setSafeMode(SafeModeAction action, boolean isChecked)
      throws IOException {
    return nn.setSafeMode(io.quire.protocol.types.SafeModeAction.valueOf(action.name()));
  }

  /**
   * A {@link QuireBulkDelete} of up to {@link QuireBulkDelete#PAGE_SIZE} paths under
   * {@code base} per call.
   */
  @Override public BulkDelete createBulkDelete(Path base) throws IOException {
    return new QuireBulkDelete(this, base);
  }

  @Override public boolean hasPathCapability(Path path, String capability) throws IOException {
    switch (org.apache.hadoop.fs.impl.PathCapabilitiesSupport
        .validatePathCapabilityArgs(makeQualified(path), capability)
        .toLowerCase(Locale.ROOT)) {
      case CommonPathCapabilities.FS_APPEND:
      case CommonPathCapabilities.FS_CONCAT:
      case CommonPathCapabilities.FS_PERMISSIONS:
      case CommonPathCapabilities.FS_TRUNCATE:
      case CommonPathCapabilities.FS_PATHHANDLES:
      case CommonPathCapabilities.FS_CHECKSUMS:
      case CommonPathCapabilities.ETAGS_AVAILABLE:
      case CommonPathCapabilities.ETAGS_PRESERVED_IN_RENAME:
      case CommonPathCapabilities.LEASE_RECOVERABLE:
      case CommonPathCapabilities.FS_MULTIPART_UPLOADER:
      case CommonPathCapabilities.BULK_DELETE:
      case CommonPathCapabilities.FS_ACLS:
      case CommonPathCapabilities.FS_XATTRS:
      case CommonPathCapabilities.FS_SNAPSHOTS:
        return true;
      case CommonPathCapabilities.FS_SYMLINKS:
      case CommonPathCapabilities.FS_STORAGEPOLICY:
        return false;
      default:
        return super.hasPathCapability(path, capability);
    }
  }

  // ---- ACLs and extended attributes (HDFS's semantics; see ClientProtocol) -----------------

  @Override public void modifyAclEntries(Path path, List<AclEntry> aclSpec) throws IOException {
    statistics.incrementWriteOps(1);
    nn.modifyAclEntries(pathOf(path), aclSpec);
  }

  @Override public void removeAclEntries(Path path, List<AclEntry> aclSpec) throws IOException {
    statistics.incrementWriteOps(1);
    nn.removeAclEntries(pathOf(path), aclSpec);
  }

  @Override public void removeDefaultAcl(Path path) throws IOException {
    statistics.incrementWriteOps(1);
    nn.removeDefaultAcl(pathOf(path));
  }

  @Override public void removeAcl(Path path) throws IOException {
    statistics.incrementWriteOps(1);
    nn.removeAcl(pathOf(path));
  }

  @Override public void setAcl(Path path, List<AclEntry> aclSpec) throws IOException {
    statistics.incrementWriteOps(1);
    nn.setAcl(pathOf(path), aclSpec);
  }

  @Override public AclStatus getAclStatus(Path path) throws IOException {
    statistics.incrementReadOps(1);
    return nn.getAclStatus(pathOf(path));
  }

  /**
   * Names are checked here as HDFS's client checks them (HadoopIllegalArgumentException for a
   * name without a known namespace) and sent with the namespace in lower case. The NameNode's
   * own argument refusals (an attribute over the size limit) arrive as IOExceptions, as HDFS's
   * client reports them.
   */
  @Override public void setXAttr(Path path, String name, byte[] value,
      EnumSet<XAttrSetFlag> flag) throws IOException {
    statistics.incrementWriteOps(1);
    String prefixed = XAttrName.parse(name).prefixed();
    try {
      nn.setXAttr(pathOf(path), prefixed, value, flag);
    } catch (IllegalArgumentException e) {
      // The NameNode's refusal (too large): an IOException on the client, as from HDFS.
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override public byte[] getXAttr(Path path, String name) throws IOException {
    statistics.incrementReadOps(1);
    Map<String, byte[]> m = nn.getXAttrs(pathOf(path),
        List.of(XAttrName.parse(name).prefixed()));
    return m.isEmpty() ? null : m.values().iterator().next();
  }

  @Override public Map<String, byte[]> getXAttrs(Path path) throws IOException {
    statistics.incrementReadOps(1);
    return nn.getXAttrs(pathOf(path), List.of());
  }

  @Override public Map<String, byte[]> getXAttrs(Path path, List<String> names)
      throws IOException {
    statistics.incrementReadOps(1);
    List<String> prefixed = new ArrayList<>(names.size());
    for (String n : names) {
      prefixed.add(XAttrName.parse(n).prefixed());
    }
    return nn.getXAttrs(pathOf(path), prefixed);
  }

  @Override public List<String> listXAttrs(Path path) throws IOException {
    statistics.incrementReadOps(1);
    return nn.listXAttrs(pathOf(path));
  }

  @Override public void removeXAttr(Path path, String name) throws IOException {
    statistics.incrementWriteOps(1);
    nn.removeXAttr(pathOf(path), XAttrName.parse(name).prefixed());
  }

  // ---- snapshots (HDFS's semantics; see ClientProtocol) ---------------------------------

  /** {@code hdfs dfsadmin -allowSnapshot}: superuser only. */
  public void allowSnapshot(Path path) throws IOException {
    statistics.incrementWriteOps(1);
    nn.allowSnapshot(pathOf(path));
  }

  /** {@code hdfs dfsadmin -disallowSnapshot}: superuser only, refused while snapshots exist. */
  public void disallowSnapshot(Path path) throws IOException {
    statistics.incrementWriteOps(1);
    nn.disallowSnapshot(pathOf(path));
  }

  @Override public Path createSnapshot(Path path, String name) throws IOException {
    statistics.incrementWriteOps(1);
    try {
      // unqualified, as HDFS answers (FsShell prints "Created snapshot /d/.snapshot/s1")
      return new Path(nn.createSnapshot(pathOf(path), name));
    } catch (org.apache.hadoop.HadoopIllegalArgumentException e) {
      throw refused(e);
    }
  }

  @Override public void renameSnapshot(Path path, String oldName, String newName)
      throws IOException {
    statistics.incrementWriteOps(1);
    try {
      nn.renameSnapshot(pathOf(path), oldName, newName);
    } catch (org.apache.hadoop.HadoopIllegalArgumentException e) {
      throw refused(e);
    }
  }

  @Override public void deleteSnapshot(Path path, String name) throws IOException {
    statistics.incrementWriteOps(1);
    nn.deleteSnapshot(pathOf(path), name);
  }

  /** The snapshottable directories the caller owns (all for the superuser). */
  public List<io.quire.protocol.types.SnapshottableDirectory> getSnapshottableDirListing()
      throws IOException {
    statistics.incrementReadOps(1);
    return nn.getSnapshottableDirListing();
  }

  /** What changed from snapshot {@code from} to {@code to} ("" or "." : the current state). */
  public List<io.quire.protocol.types.SnapshotDiffEntry> getSnapshotDiffReport(Path path,
      String from, String to) throws IOException {
    statistics.incrementReadOps(1);
    return nn.getSnapshotDiffReport(pathOf(path), from, to);
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
