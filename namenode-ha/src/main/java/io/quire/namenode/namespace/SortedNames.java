package io.quire.namenode.namespace;

/**
 * A directory's children as a name search sees them: live ({@link InodeDirectory}) or as a
 * snapshot holds them ({@link DirectoryCopy}), sorted by name ({@link NameBytes#compare}), so
 * both find a name with the one binary search, {@link NameBytes#indexOf}.
 */
interface SortedNames {
  /** The name of the child at {@code index} in name order. */
  byte[] nameAt(int index);
}
