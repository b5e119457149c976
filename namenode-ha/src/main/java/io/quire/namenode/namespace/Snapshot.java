package io.quire.namenode.namespace;

/**
 * One snapshot of a snapshottable directory: its id (unique in the namesystem, from the
 * journal), its name, when it was taken, and the copy of the directory then (named as the
 * directory was; listings under {@code .snapshot} show it under the snapshot's name).
 */
public record Snapshot(int id, String name, long creationTime, DirectoryCopy root) {

  /** The root copy under the snapshot's name, as {@code <dir>/.snapshot} lists it. */
  public DirectoryCopy listedRoot() {
    return new DirectoryCopy(name, root);
  }

  public Snapshot renamed(String newName) {
    return new Snapshot(id, newName, creationTime, root);
  }
}
