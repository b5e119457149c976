package io.quire.datanode.nnactor;

import java.io.IOException;
import org.apache.hadoop.ipc.RemoteException;

/** Recognizes a NameNode's exception whether rebuilt as its class or still a RemoteException. */
final class RemoteErrors {
  private RemoteErrors() {}

  static boolean is(IOException e, Class<? extends IOException> cls) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (cls.isInstance(t)) {
        return true;
      }
      if (t instanceof RemoteException && cls.getName().equals(((RemoteException) t)
          .getClassName())) {
        return true;
      }
    }
    return false;
  }
}
