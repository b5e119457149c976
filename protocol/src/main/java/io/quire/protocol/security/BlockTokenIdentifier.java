package io.quire.protocol.security;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.TokenIdentifier;

/**
 * What a block access token grants: access {@code modes} to block {@code blockId} until
 * {@code expiryDate}, signed with block key {@code keyId}, for {@code user} (informational:
 * the data-transfer connection is not authenticated, so DataNodes only log it).
 *
 * <p>The token carries no generation stamp, as in HDFS: a block's stamp changes under its
 * readers and writers (pipeline recovery, append), the token for the block id stays valid; the
 * replica's stamp is checked by the DataNode's dataset as before.
 *
 * <h2>Encoding (the token's identifier bytes; the password is the HMAC of them)</h2>
 * Big-endian, {@link #VERSION} 1:
 * {@code byte version, long expiryDate (ms since the epoch), int keyId, long blockId,
 * byte modes (BlockAccessMode bits), int n (0..MAX_USER), n bytes UTF-8 user}.
 * {@link #write} and {@link #readFields} are the one codec.
 */
public final class BlockTokenIdentifier extends TokenIdentifier {
  /** Kind of Quire block tokens. */
  public static final Text KIND = new Text("QUIRE_BLOCK_TOKEN");
  public static final byte VERSION = 1;
  /** Longest user name (bytes) in an identifier. */
  public static final int MAX_USER = 1024;

  private long expiryDate;
  private int keyId;
  private long blockId;
  private Set<BlockAccessMode> modes = EnumSet.noneOf(BlockAccessMode.class);
  private String user = "";

  /** An empty identifier for {@link #readFields}. */
  public BlockTokenIdentifier() {}

  public BlockTokenIdentifier(String user, long blockId, Set<BlockAccessMode> modes,
      int keyId, long expiryDate) {
    this.user = user == null ? "" : user;
    this.blockId = blockId;
    this.modes = EnumSet.noneOf(BlockAccessMode.class);
    this.modes.addAll(modes);
    this.keyId = keyId;
    this.expiryDate = expiryDate;
  }

  /** Decodes identifier bytes; anything else than one whole identifier is an error. */
  public static BlockTokenIdentifier decode(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    BlockTokenIdentifier id = new BlockTokenIdentifier();
    try {
      id.readFields(in);
    } catch (java.io.EOFException e) {
      throw new IOException("block token identifier truncated (" + bytes.length + " bytes)");
    }
    if (in.available() != 0) {
      throw new IOException("block token identifier has " + in.available()
          + " trailing bytes");
    }
    return id;
  }

  public long getExpiryDate() { return expiryDate; }
  public int getKeyId() { return keyId; }
  public long getBlockId() { return blockId; }
  public Set<BlockAccessMode> getModes() {
    Set<BlockAccessMode> copy = EnumSet.noneOf(BlockAccessMode.class);
    copy.addAll(modes);
    return copy;
  }
  public String getUserName() { return user; }

  @Override public Text getKind() { return KIND; }

  @Override public UserGroupInformation getUser() {
    return user.isEmpty() ? null : UserGroupInformation.createRemoteUser(user);
  }

  @Override public void write(DataOutput out) throws IOException {
    byte[] u = user.getBytes(StandardCharsets.UTF_8);
    out.writeByte(VERSION);
    out.writeLong(expiryDate);
    out.writeInt(keyId);
    out.writeLong(blockId);
    out.writeByte(BlockAccessMode.encode(modes));
    out.writeInt(u.length);
    out.write(u);
  }

  @Override public void readFields(DataInput in) throws IOException {
    byte v = in.readByte();
    if (v != VERSION) {
      throw new IOException("block token identifier version " + v + " not supported (want "
          + VERSION + ")");
    }
    expiryDate = in.readLong();
    keyId = in.readInt();
    blockId = in.readLong();
    modes = BlockAccessMode.decode(in.readByte());
    int n = in.readInt();
    if (n < 0 || n > MAX_USER) {
      throw new IOException("block token user length " + n + " out of range");
    }
    byte[] u = new byte[n];
    in.readFully(u);
    user = new String(u, StandardCharsets.UTF_8);
  }

  @Override public String toString() {
    return "block token (blk_" + blockId + " " + modes + " user=" + user + " key=" + keyId
        + " expires=" + expiryDate + ")";
  }
}
