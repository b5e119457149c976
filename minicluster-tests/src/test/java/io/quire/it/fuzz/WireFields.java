package io.quire.it.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A data-transfer frame as a list of typed big-endian fields (the encodings of
 * {@link io.quire.protocol.datatransfer.WireIO}), so that a generator can break one field
 * (an edge value, a string whose declared length lies) or the encoding (cut short, garbage
 * appended, bits flipped) and say what it broke.
 */
final class WireFields {
  private enum Kind { BYTE, SHORT, INT, LONG, STRING }

  private static final class Field {
    final String name;
    final Kind kind;
    long value;
    final byte[] text;
    Integer declaredLength;

    Field(String name, Kind kind, long value, byte[] text) {
      this.name = name;
      this.kind = kind;
      this.value = value;
      this.text = text;
    }
  }

  private static final long[] LONG_EDGES = {Long.MIN_VALUE, -1, 0, 1, 511, 512, 513,
      Integer.MAX_VALUE, 1L << 32, Long.MAX_VALUE};
  private static final long[] INT_EDGES = {Integer.MIN_VALUE, -1, 0, 1, 65, 65535, 65536,
      64 * 1024 + 1, 4 * 1024 * 1024 + 1, Integer.MAX_VALUE};
  private static final long[] BYTE_EDGES = {-128, -1, 0, 1, 2, 3, 7, 127};

  private final List<Field> fields = new ArrayList<>();

  WireFields b(String name, int v) { return add(name, Kind.BYTE, v, null); }
  WireFields s(String name, int v) { return add(name, Kind.SHORT, v, null); }
  WireFields i(String name, int v) { return add(name, Kind.INT, v, null); }
  WireFields l(String name, long v) { return add(name, Kind.LONG, v, null); }

  WireFields str(String name, String v) {
    return add(name, Kind.STRING, 0, v.getBytes(StandardCharsets.UTF_8));
  }

  private WireFields add(String name, Kind k, long v, byte[] text) {
    fields.add(new Field(name, k, v, text));
    return this;
  }

  /** The exact encoding. */
  byte[] encode() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    try {
      for (Field f : fields) {
        switch (f.kind) {
          case BYTE -> d.writeByte((int) f.value);
          case SHORT -> d.writeShort((int) f.value);
          case INT -> d.writeInt((int) f.value);
          case LONG -> d.writeLong(f.value);
          case STRING -> {
            d.writeInt(f.declaredLength != null ? f.declaredLength : f.text.length);
            d.write(f.text);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  /**
   * Breaks one field, or the encoding from byte {@code protectedPrefix} on, and returns the
   * broken encoding; {@code what} gets a description of the damage.
   */
  byte[] encodeBroken(Random r, int protectedPrefix, StringBuilder what) {
    int kind = r.nextInt(5);
    if (kind <= 1) {
      Field f = fields.get(r.nextInt(fields.size()));
      if (f.kind == Kind.STRING) {
        int[] lies = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 64 * 1024 + 1,
            f.text.length + 1 + r.nextInt(40), Math.max(0, f.text.length - 1 - r.nextInt(4))};
        f.declaredLength = lies[r.nextInt(lies.length)];
        what.append(f.name).append(" declares length ").append(f.declaredLength);
      } else {
        long[] edges = f.kind == Kind.LONG ? LONG_EDGES
            : f.kind == Kind.BYTE ? BYTE_EDGES : INT_EDGES;
        f.value = edges[r.nextInt(edges.length)];
        what.append(f.name).append(" = ").append(f.value);
      }
      return encode();
    }
    byte[] exact = encode();
    if (kind == 2 && exact.length > protectedPrefix) {
      int cut = protectedPrefix + r.nextInt(exact.length - protectedPrefix);
      what.append("cut to ").append(cut).append(" of ").append(exact.length).append(" bytes");
      return Arrays.copyOf(exact, cut);
    }
    if (kind == 3) {
      byte[] junk = new byte[1 + r.nextInt(64)];
      r.nextBytes(junk);
      what.append(junk.length).append(" garbage bytes appended");
      byte[] out = Arrays.copyOf(exact, exact.length + junk.length);
      System.arraycopy(junk, 0, out, exact.length, junk.length);
      return out;
    }
    int flips = 1 + r.nextInt(3);
    what.append(flips).append(" bits flipped at");
    for (int k = 0; k < flips && exact.length > protectedPrefix; k++) {
      int at = protectedPrefix + r.nextInt(exact.length - protectedPrefix);
      exact[at] ^= (byte) (1 << r.nextInt(8));
      what.append(' ').append(at);
    }
    return exact;
  }
}
