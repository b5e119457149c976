package io.quire.namenode.image;

import java.io.DataOutputStream;
import java.io.IOException;

/** Writes the body of a checkpoint (the namespace image). Must not close {@code out}. */
@FunctionalInterface
public interface ImageBodyWriter {
  void write(DataOutputStream out) throws IOException;
}
