package io.quire.namenode.ops;

import io.quire.namenode.namespace.DirectoryQuota;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.protocol.exceptions.DSQuotaExceededException;
import io.quire.protocol.exceptions.NSQuotaExceededException;
import io.quire.protocol.exceptions.QuotaExceededException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation would change in each directory with a quota, checked before its records
 * are made (HDFS's FSDirectory#verifyQuota). Changes are added per place in the tree, each
 * reaching every quota directory up to the root; a directory both gains and loses (a rename
 * within it) nets out. {@link #verify} checks, in the order the directories were first
 * reached (add the destination first: deepest directory first, as HDFS), the name quota then
 * the space quota of every directory whose usage would grow, and throws HDFS's exceptions
 * with HDFS's messages.
 */
final class QuotaCheck {
  private final Map<InodeDirectory, long[]> deltas = new LinkedHashMap<>();

  /** {@code ns} names and {@code ss} bytes more (negative: fewer) at {@code from}. */
  QuotaCheck add(InodeDirectory from, long ns, long ss) {
    for (InodeDirectory d = from; d != null; d = d.getParent()) {
      if (d.getQuota() != null) {
        long[] delta = deltas.computeIfAbsent(d, k -> new long[2]);
        delta[0] += ns;
        delta[1] += ss;
      }
    }
    return this;
  }

  /** @throws QuotaExceededException naming the first directory whose quota would be exceeded */
  void verify() throws QuotaExceededException {
    for (Map.Entry<InodeDirectory, long[]> e : deltas.entrySet()) {
      DirectoryQuota q = e.getKey().getQuota();
      long[] delta = e.getValue();
      QuotaExceededException ex = null;
      if (DirectoryQuota.isViolated(q.nsQuota(), q.nsUsed(), delta[0])) {
        ex = new NSQuotaExceededException(q.nsQuota(), q.nsUsed() + delta[0]);
      } else if (DirectoryQuota.isViolated(q.ssQuota(), q.ssUsed(), delta[1])) {
        ex = new DSQuotaExceededException(q.ssQuota(), q.ssUsed() + delta[1]);
      }
      if (ex != null) {
        ex.setPathName(e.getKey().getFullPath());
        throw ex;
      }
    }
  }

  /** Checks a change at one place. */
  static void verify(InodeDirectory from, long ns, long ss) throws QuotaExceededException {
    new QuotaCheck().add(from, ns, ss).verify();
  }
}
