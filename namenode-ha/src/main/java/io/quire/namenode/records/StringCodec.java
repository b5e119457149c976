package io.quire.namenode.records;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one encoding of strings in the journal records and the checkpoint image: no 64 KiB
 * ceiling (DataOutput.writeUTF's), plain UTF-8.
 *
 * <pre>
 *   int    length in bytes, big-endian (-1 = null)
 *   byte[] the string's UTF-8 bytes (standard UTF-8, not Java's modified UTF-8)
 * </pre>
 * Example: "a\u00e9" is {@code 00 00 00 03 61 c3 a9}; null is {@code ff ff ff ff}.
 */
public final class StringCodec {
  /** Strings longer than this are read in pieces, so a damaged length allocates little. */
  private static final int CHUNK = 1 << 20;

  private StringCodec() {}

  public static void write(DataOutput out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /**
   * @throws IOException on a negative length other than -1, or when the input ends first
   *     (EOFException)
   */
  public static String read(DataInput in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0) {
      throw new IOException("bad string length " + n);
    }
    if (n <= CHUNK) {
      byte[] b = new byte[n];
      in.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(CHUNK);
    byte[] chunk = new byte[CHUNK];
    for (int left = n; left > 0; left -= Math.min(left, CHUNK)) {
      int len = Math.min(left, CHUNK);
      in.readFully(chunk, 0, len);
      bytes.write(chunk, 0, len);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
