package io.quire.namenode.namespace;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Walks over a subtree without recursion (a path may be thousands of directories deep: a
 * recursive walk would overflow the thread's stack). Pre-order, children in name order: the
 * order a recursive depth-first walk visits them.
 */
public final class Subtree {
  private Subtree() {}

  /** Told of each inode of the subtree. */
  @FunctionalInterface
  public interface Visitor<E extends Exception> {
    void visit(Inode inode) throws E;
  }

  /** Visits {@code root} and every inode below it, parents before children. */
  public static <E extends Exception> void preOrder(Inode root, Visitor<E> v) throws E {
    Deque<Inode> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Inode i = stack.pop();
      v.visit(i);
      if (i instanceof InodeDirectory d) {
        for (int k = d.getChildrenCount() - 1; k >= 0; k--) {
          stack.push(d.child(k));
        }
      }
    }
  }
}
