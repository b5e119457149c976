package io.quire.namenode.namespace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.ipc.Server;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Finds the caller of the current operation: the IPC call's remote user, or the current
 * (doAs) user for in-process calls. The superuser is the NameNode's own user and every member
 * of the superuser group.
 */
public final class CallerResolver {
  private final String fsOwner;
  private final String superGroup;

  public CallerResolver(String fsOwner, String superGroup) {
    this.fsOwner = fsOwner;
    this.superGroup = superGroup;
  }

  public String getFsOwner() { return fsOwner; }
  public String getSuperGroup() { return superGroup; }

  public Caller current() {
    UserGroupInformation ugi = Server.getRemoteUser();
    if (ugi == null) {
      try {
        ugi = UserGroupInformation.getCurrentUser();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot determine the calling user", e);
      }
    }
    String user = ugi.getShortUserName();
    UserGroupInformation u = ugi;
    if (user.equals(fsOwner)) {
      return new Caller(user, u::getGroups, true);
    }
    List<String> groups = u.getGroups();
    return new Caller(user, () -> groups, groups.contains(superGroup));
  }
}
