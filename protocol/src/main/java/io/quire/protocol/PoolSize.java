package io.quire.protocol;

import org.apache.hadoop.conf.Configuration;

/**
 * The size of a server's thread pool, sized by the machine when its key is unset: 2 x cores +
 * directories (the rule of the system-design notes: a thread per core at work while as many
 * wait on the network, plus one per disk being waited on). {@link #toString()} is what start-up
 * logs print: {@code 6 (2 x 2 cores + 2 directories; set KEY to change)} or
 * {@code 32 (set by KEY)}.
 *
 * <p>The rule fits pools whose work queues when every thread is busy (IPC handlers: calls wait
 * in the call queue). It does not fit a pool of one thread per open stream that refuses the
 * next stream when full.
 *
 * @param threads the pool's size
 * @param how how it was reached, for the log
 */
public record PoolSize(int threads, String how) {

  /**
   * The pool size {@code key} sets, or 2 x {@link Runtime#availableProcessors()} +
   * {@code directories} when unset.
   *
   * @param directories the server's data directories (storage, journal, name)
   * @throws IllegalArgumentException when {@code key} is set to anything but a positive whole
   *     number, naming the key and the value
   */
  public static PoolSize of(Configuration conf, String key, int directories) {
    String set = conf.getTrimmed(key);
    if (set == null || set.isEmpty()) {
      return byMachine(Runtime.getRuntime().availableProcessors(), directories, key);
    }
    int n;
    try {
      n = Integer.parseInt(set);
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1) {
      throw new IllegalArgumentException(key + " = " + set + ": must be a number of threads, 1"
          + " or more (or unset: 2 x cores + directories)");
    }
    return new PoolSize(n, "set by " + key);
  }

  /** 2 x {@code cores} + {@code directories}. */
  static PoolSize byMachine(int cores, int directories, String key) {
    return new PoolSize(2 * cores + directories, "2 x " + cores
        + (cores == 1 ? " core + " : " cores + ") + directories
        + (directories == 1 ? " directory" : " directories") + "; set " + key + " to change");
  }

  @Override public String toString() {
    return threads + " (" + how + ")";
  }
}
