package io.quire.namenode.namespace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Makes the copy of a directory tree that a new snapshot holds, sharing with the previous
 * snapshot every copy that is still current: an inode whose copy was not invalidated by
 * {@link Inode#changed} since the last snapshot is not visited again, so taking a snapshot
 * costs time and memory in proportion to what changed since the last one (plus the directories
 * above the changes, each copied with its changed chunks of children: {@link CopyChunks}).
 * Without recursion (a tree may be thousands of directories deep). Runs while a record is
 * applied.
 */
public final class SnapshotFreezer {
  private SnapshotFreezer() {}

  /** A directory being copied: its children's copies collected so far. */
  private static final class Pending {
    final InodeDirectory dir;
    final Inode[] children;
    final SnapshotCopy[] copies;
    int next;

    Pending(InodeDirectory dir) {
      this.dir = dir;
      this.children = new Inode[dir.getChildrenCount()];
      for (int k = 0; k < children.length; k++) {
        children[k] = dir.child(k);
      }
      this.copies = new SnapshotCopy[children.length];
    }
  }

  /** The current copy of {@code dir} (made now for whatever changed since the last one). */
  public static DirectoryCopy freeze(InodeDirectory dir) {
    if (dir.frozen() instanceof DirectoryCopy d) {
      return d;
    }
    Deque<Pending> stack = new ArrayDeque<>();
    stack.push(new Pending(dir));
    DirectoryCopy result = null;
    while (!stack.isEmpty()) {
      Pending top = stack.peek();
      if (top.next == top.children.length) {
        stack.pop();
        DirectoryCopy copy = new DirectoryCopy(top.dir, top.copies, top.dir.lastCopy());
        top.dir.setFrozen(copy);
        top.dir.setLastCopy(copy);
        if (stack.isEmpty()) {
          result = copy;
        } else {
          Pending parent = stack.peek();
          parent.copies[parent.next++] = copy;
        }
        continue;
      }
      Inode child = top.children[top.next];
      SnapshotCopy current = child.frozen();
      if (current != null) {
        top.copies[top.next++] = current;
      } else if (child instanceof InodeFile f) {
        FileCopy copy = new FileCopy(f);
        f.setFrozen(copy);
        top.copies[top.next++] = copy;
      } else {
        stack.push(new Pending((InodeDirectory) child));
      }
    }
    return result;
  }

  /** Drops every current copy under {@code dir} (its last snapshot was deleted). */
  public static void forget(InodeDirectory dir) {
    Subtree.preOrder(dir, i -> {
      i.setFrozen(null);
      if (i instanceof InodeDirectory d) {
        d.setLastCopy(null);
      }
    });
  }

  /** Every copy below {@code root} (not root itself), each once per path. */
  public static void walk(DirectoryCopy root, java.util.function.Consumer<SnapshotCopy> v) {
    List<DirectoryCopy> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      DirectoryCopy d = stack.remove(stack.size() - 1);
      for (int k = 0; k < d.childCount(); k++) {
        SnapshotCopy c = d.child(k);
        v.accept(c);
        if (c instanceof DirectoryCopy sub) {
          stack.add(sub);
        }
      }
    }
  }
}
