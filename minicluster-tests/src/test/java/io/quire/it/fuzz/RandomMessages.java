package io.quire.it.fuzz;

import java.util.List;
import java.util.Random;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.apache.hadoop.thirdparty.protobuf.Descriptors.Descriptor;
import org.apache.hadoop.thirdparty.protobuf.Descriptors.EnumValueDescriptor;
import org.apache.hadoop.thirdparty.protobuf.Descriptors.FieldDescriptor;
import org.apache.hadoop.thirdparty.protobuf.DynamicMessage;

/**
 * Random protobuf messages of any type, from its descriptor: required fields set (one in 25
 * left out), optional ones half the time, repeated ones 0-3 times; numbers are edge values or
 * small, strings are mostly paths (valid, odd or hostile, under {@code /fuzz} most of the
 * time so that calls get past path checks), nested messages up to a depth.
 */
final class RandomMessages {
  private static final long[] LONG_EDGES = {Long.MIN_VALUE, -1, 0, 1, 2, 3, 512, 1L << 30,
      (1L << 30) + 1, Integer.MAX_VALUE, Long.MAX_VALUE};
  private static final int[] INT_EDGES = {Integer.MIN_VALUE, -1, 0, 1, 2, 3, 0777, 01777,
      32767, 65536, Integer.MAX_VALUE};

  private RandomMessages() {}

  static DynamicMessage random(Descriptor type, Random r) {
    return random(type, r, 0);
  }

  private static DynamicMessage random(Descriptor type, Random r, int depth) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
    for (FieldDescriptor f : type.getFields()) {
      if (f.isRepeated()) {
        int n = depth > 2 ? 0 : r.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.addRepeatedField(f, value(f, r, depth));
        }
      } else if (f.isRequired() ? r.nextInt(25) != 0 : r.nextBoolean()) {
        b.setField(f, value(f, r, depth));
      }
    }
    return b.buildPartial();
  }

  private static Object value(FieldDescriptor f, Random r, int depth) {
    switch (f.getJavaType()) {
      case INT:
        return r.nextBoolean() ? INT_EDGES[r.nextInt(INT_EDGES.length)] : r.nextInt(100);
      case LONG:
        return r.nextBoolean() ? LONG_EDGES[r.nextInt(LONG_EDGES.length)]
            : (long) r.nextInt(5000);
      case FLOAT:
        return r.nextFloat();
      case DOUBLE:
        return r.nextDouble();
      case BOOLEAN:
        return r.nextBoolean();
      case STRING:
        return string(r);
      case BYTE_STRING: {
        byte[] b = new byte[r.nextInt(40)];
        r.nextBytes(b);
        return ByteString.copyFrom(b);
      }
      case ENUM: {
        List<EnumValueDescriptor> v = f.getEnumType().getValues();
        return v.get(r.nextInt(v.size()));
      }
      default:
        return depth > 3 ? DynamicMessage.getDefaultInstance(f.getMessageType())
            : random(f.getMessageType(), r, depth + 1);
    }
  }

  /** A path-like (or hostile) string. */
  static String string(Random r) {
    switch (r.nextInt(16)) {
      case 0: return "";
      case 1: return "/";
      case 2: return "relative/path";
      case 3: return "/fuzz/../..";
      case 4: return "/fuzz//a/./b/";
      case 5: return "/fuzz/" + "d/".repeat(200 + r.nextInt(200)) + "f";
      case 6: return "/fuzz/" + "n".repeat(10_000 + r.nextInt(60_000));
      case 7: return "/fuzz/\u0000nul/\n\r\t";
      case 8: return "/fuzz/\uD800unpaired/\uFFFF/é/日本";
      case 9: return "/fuzz/a:b/.snapshot/..";
      case 10: return "fuzz-client-" + r.nextInt(5);
      default: {
        StringBuilder p = new StringBuilder("/fuzz");
        int depth = 1 + r.nextInt(3);
        for (int i = 0; i < depth; i++) {
          p.append('/').append((char) ('a' + r.nextInt(4)));
        }
        return p.toString();
      }
    }
  }
}
