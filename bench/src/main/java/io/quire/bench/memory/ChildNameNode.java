package io.quire.bench.memory;

import java.io.IOException;

/** A NameNode run by {@link NameNodeProcessMain} in a JVM of its own. */
interface ChildNameNode {
  /** Formats the name directory (a fresh namespace). */
  void format() throws IOException;

  /** Loads the namespace from the name directory and serves RPC; returns once it does. */
  void start() throws IOException;

  /** Saves a checkpoint of the namespace now; returns the size of its image file in bytes. */
  long checkpoint() throws IOException;

  void stop();
}
