package io.quire.namenode.namespace;

import java.util.List;
import java.util.function.Supplier;

/** Who is calling: user name, groups (looked up lazily) and whether they are a superuser. */
public final class Caller {
  private final String user;
  private final Supplier<List<String>> groupLookup;
  private final boolean superUser;
  private List<String> groups;

  public Caller(String user, Supplier<List<String>> groupLookup, boolean superUser) {
    this.user = user;
    this.groupLookup = groupLookup;
    this.superUser = superUser;
  }

  public String user() { return user; }
  public boolean isSuperUser() { return superUser; }

  public List<String> groups() {
    if (groups == null) {
      groups = groupLookup.get();
    }
    return groups;
  }

  /** The primary group (first one), or the user name when the user has no group. */
  public String primaryGroup() {
    List<String> g = groups();
    return g.isEmpty() ? user : g.get(0);
  }
}
