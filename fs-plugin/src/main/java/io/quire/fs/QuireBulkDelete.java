package io.quire.fs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.BulkDelete;
import org.apache.hadoop.fs.BulkDeleteUtils;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.functional.Tuples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk delete of up to {@link #PAGE_SIZE} paths under a base path: Hadoop's
 * {@code DefaultBulkDeleteOperation} generalized from one path to a page. Every path is
 * validated first (absolute, under the base, at most a page of them; otherwise
 * IllegalArgumentException and nothing is deleted); then each distinct path is deleted as
 * {@code delete(path, false)}: a file or an empty directory goes, a missing path is not an
 * error, and any failure (a non-empty directory, a permission error, an unreachable NameNode)
 * becomes a (path, exception text) entry of the result instead of being thrown.
 *
 * <p>Deeper paths are deleted before shallower ones, so a directory listed together with all
 * of its listed children is empty by the time its own turn comes, as if the page were
 * deleted at once. Each path costs one NameNode delete call; the page only saves the caller
 * from paging by one.
 */
public final class QuireBulkDelete implements BulkDelete {
  /** Paths accepted per {@link #bulkDelete} call. */
  public static final int PAGE_SIZE = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(QuireBulkDelete.class);

  private final FileSystem fs;
  private final Path basePath;

  QuireBulkDelete(FileSystem fs, Path basePath) {
    this.fs = fs;
    this.basePath = basePath;
  }

  @Override public int pageSize() { return PAGE_SIZE; }

  @Override public Path basePath() { return basePath; }

  /**
   * Deletes {@code paths} (each non-recursively); returns the paths that could not be
   * deleted with the reason, empty when all are gone.
   *
   * @throws IllegalArgumentException more than a page of paths, or one not absolute or not
   *     under the base path (nothing deleted)
   */
  @Override public List<Map.Entry<Path, String>> bulkDelete(Collection<Path> paths)
      throws IOException, IllegalArgumentException {
    BulkDeleteUtils.validateBulkDeletePaths(paths, PAGE_SIZE, basePath);
    List<Path> order = new ArrayList<>(new LinkedHashSet<>(paths));
    order.sort(Comparator.comparingInt(Path::depth).reversed());
    List<Map.Entry<Path, String>> failures = new ArrayList<>();
    for (Path p : order) {
      try {
        fs.delete(p, false);
      } catch (IOException e) {
        LOG.debug("bulk delete under {}: {} not deleted: {}", basePath, p, e.toString());
        failures.add(Tuples.pair(p, e.toString()));
      }
    }
    return failures;
  }

  @Override public void close() {
    // holds nothing of its own: the file system stays open
  }

  @Override public String toString() {
    return "QuireBulkDelete{" + basePath + ", pageSize=" + PAGE_SIZE + "}";
  }
}
