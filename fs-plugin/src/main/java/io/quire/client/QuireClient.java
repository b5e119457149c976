package io.quire.client;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hadoop-Configuration-free core of the Quire client: a NameNode proxy (already wrapped
 * for retries and failover by whoever built it), options, a client name holding the leases of
 * the files it writes, and the streams. Namespace calls go straight to {@link #namenode()}.
 */
public final class QuireClient implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(QuireClient.class);

  private final ClientProtocol namenode;
  private final ClientOptions options;
  private final String clientName;
  private final String clientHost;
  private final LeaseRenewer renewer;
  private final Closeable onClose;
  private volatile boolean closed;

  /**
   * @param onClose released last by {@link #close()} (e.g. stops the NameNode proxies)
   */
  public QuireClient(ClientProtocol namenode, ClientOptions options, String clientName,
      Closeable onClose) {
    this.namenode = namenode;
    this.options = options;
    this.clientName = clientName;
    this.clientHost = localHostName();
    this.renewer = new LeaseRenewer(namenode, clientName, options.leaseRenewIntervalMs());
    this.onClose = onClose;
    LOG.debug("Quire client {} on {}: {}", clientName, clientHost, options);
  }

  public ClientProtocol namenode() { return namenode; }
  public ClientOptions options() { return options; }
  public String clientName() { return clientName; }

  /** Number of files this client currently holds open for writing. */
  public int openOutputStreams() { return renewer.openFileCount(); }

  /**
   * Creates {@code path} and returns a stream writing it; the client holds its lease until the
   * stream is closed. Any positive block size works on the client (a block that is not a
   * multiple of 512 bytes simply ends with a partial chunk); the NameNode may be stricter.
   */
  public QuireOutputStream create(String path, short permission, boolean overwrite,
      boolean createParent, short replication, long blockSize) throws IOException {
    return create(path, permission, (short) -1, overwrite, createParent, replication,
        blockSize);
  }

  /**
   * As {@link #create(String, short, boolean, boolean, short, long)}, also sending
   * {@code unmasked}, the permission before the umask (-1: none), which a default ACL of the
   * parent uses instead of the umask (see ClientProtocol#create).
   */
  public QuireOutputStream create(String path, short permission, short unmasked,
      boolean overwrite, boolean createParent, short replication, long blockSize)
      throws IOException {
    checkOpen();
    if (blockSize <= 0) {
      throw new IOException("create " + path + ": block size " + blockSize
          + " must be positive");
    }
    InodeStatus st = namenode.create(path, permission, unmasked, clientName, overwrite,
        createParent, replication, blockSize);
    return new QuireOutputStream(new WriteTarget(namenode, options, clientName, clientHost,
        path, st.getFileId(), st.getBlockSize() > 0 ? st.getBlockSize() : blockSize), renewer,
        null, 0);
  }

  /** Opens {@code path} for append, continuing its partial last block if it has one. */
  public QuireOutputStream append(String path) throws IOException {
    checkOpen();
    LocatedBlock last = namenode.append(path, clientName);
    InodeStatus st = namenode.getFileInfo(path);
    if (st == null) {
      throw new FileNotFoundException("append " + path + ": file not found");
    }
    if (last != null && last.getBlock().getNumBytes() >= st.getBlockSize()) {
      last = null;
    }
    return new QuireOutputStream(new WriteTarget(namenode, options, clientName, clientHost,
        path, st.getFileId(), st.getBlockSize()), renewer, last, st.getLength());
  }

  /** Opens {@code path} for reading (one getBlockLocations). */
  public QuireInputStream open(String path, boolean verifyChecksum, FileSystem.Statistics stats)
      throws IOException {
    checkOpen();
    return new QuireInputStream(new ReadTarget(namenode, options, clientName, path,
        verifyChecksum), stats);
  }

  /** COMPOSITE_CRC (CRC32C) of the file's first {@code length} bytes; see FileChecksums. */
  public int getFileCompositeCrc(String path, long length) throws IOException {
    checkOpen();
    return FileChecksums.compositeCrc(namenode, options, path, length);
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("Quire client " + clientName + " is closed");
    }
  }

  /**
   * Closes the files still open for writing (completing them, as HDFS's client does), stops
   * lease renewal and releases {@code onClose}. A file that cannot be closed is logged and left
   * to lease recovery.
   */
  @Override public void close() throws IOException {
    if (closed) {
      return;
    }
    for (Object o : renewer.openFiles()) {
      QuireOutputStream out = (QuireOutputStream) o;
      try {
        out.close();
      } catch (IOException e) {
        LOG.warn("client {}: closing {} failed, leaving it to lease recovery: {}", clientName,
            out.getPath(), e.toString());
      }
    }
    closed = true;
    renewer.close();
    if (onClose != null) {
      onClose.close();
    }
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
