package io.quire.admin;

import org.apache.hadoop.ipc.RemoteException;

/**
 * Recognizes a NameNode that does not serve a newer administrative call (getBlockHealth,
 * getClusterHealth): the protocol's default method throws UnsupportedOperationException, which
 * arrives as a RemoteException of that class. The tools then fall back to older calls.
 */
final class Unsupported {
  private Unsupported() { }

  static boolean is(Exception e) {
    return e instanceof UnsupportedOperationException
        || (e instanceof RemoteException re
            && UnsupportedOperationException.class.getName().equals(re.getClassName()));
  }
}
