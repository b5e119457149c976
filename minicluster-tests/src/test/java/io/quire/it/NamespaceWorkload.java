package io.quire.it;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A deterministic stream of namespace operations in one directory, and the model of the state
 * it leaves after n operations. Operation i is, by i mod 4: mkdir d_i; create+close f_i;
 * rename f_(i-1) to g_(i-1); delete d_(i-3).
 */
final class NamespaceWorkload {
  private final Path dir;

  NamespaceWorkload(Path dir) {
    this.dir = dir;
  }

  void run(FileSystem fs, int i) throws IOException {
    switch (i % 4) {
      case 0 -> check(fs.mkdirs(new Path(dir, "d" + i)), "mkdirs", i);
      case 1 -> fs.create(new Path(dir, "f" + i), false).close();
      case 2 -> check(fs.rename(new Path(dir, "f" + (i - 1)), new Path(dir, "g" + (i - 1))),
          "rename", i);
      default -> check(fs.delete(new Path(dir, "d" + (i - 3)), false), "delete", i);
    }
  }

  private void check(boolean ok, String op, int i) throws IOException {
    if (!ok) {
      throw new IOException(op + " #" + i + " in " + dir + " returned false");
    }
  }

  /** Names in the directory after the first {@code n} operations. */
  static Set<String> modelAfter(int n) {
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      switch (i % 4) {
        case 0 -> names.add("d" + i);
        case 1 -> names.add("f" + i);
        case 2 -> {
          names.remove("f" + (i - 1));
          names.add("g" + (i - 1));
        }
        default -> names.remove("d" + (i - 3));
      }
    }
    return names;
  }
}
