package io.quire.jobs.mr;

import io.quire.jobs.model.Book;
import io.quire.jobs.model.CatalogCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;

/**
 * The book catalog on the map side, shipped through the distributed cache (map-side join): the
 * driver registers the CSV with {@link #ship}; each task loads it once into a hash map by id.
 */
public final class CatalogIndex {
  /** Fragment name the catalog is registered under in the cache. */
  public static final String CACHE_NAME = "books.csv";

  private final Map<Long, Book> byId;

  private CatalogIndex(List<Book> books) {
    byId = new HashMap<>(books.size() * 2);
    for (Book b : books) {
      byId.put(b.id(), b);
    }
  }

  /** Registers the catalog CSV in the job's distributed cache. */
  public static void ship(Job job, Path catalog) throws IOException {
    Path q = catalog.getFileSystem(job.getConfiguration()).makeQualified(catalog);
    job.addCacheFile(URI.create(q.toUri() + "#" + CACHE_NAME));
  }

  /**
   * Loads the catalog registered by {@link #ship}: the task-local copy the framework localized
   * (LocalJobRunner and YARN both do), or the shipped file itself where there is none.
   *
   * @throws IOException if no catalog was shipped or it does not parse
   */
  @SuppressWarnings("deprecation")
  public static CatalogIndex fromCache(JobContext ctx) throws IOException {
    Path[] local = ctx.getLocalCacheFiles();
    if (local != null) {
      for (Path p : local) {
        if (p.getName().equals(CACHE_NAME)) {
          Path l = p.toUri().getScheme() == null ? new Path("file", null, p.toUri().getPath()) : p;
          if (l.getFileSystem(ctx.getConfiguration()).exists(l)) {
            return load(ctx.getConfiguration(), l);
          }
        }
      }
    }
    URI[] files = ctx.getCacheFiles();
    if (files != null) {
      for (URI u : files) {
        if (CACHE_NAME.equals(u.getFragment())) {
          URI file = URI.create(u.toString().substring(0, u.toString().indexOf('#')));
          return load(ctx.getConfiguration(), new Path(file));
        }
      }
    }
    throw new IOException("catalog: no '" + CACHE_NAME + "' in the distributed cache of job "
        + ctx.getJobName());
  }

  /** Reads a catalog CSV from any FileSystem. */
  public static CatalogIndex load(Configuration conf, Path csv) throws IOException {
    FileSystem fs = csv.getFileSystem(conf);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(csv),
        StandardCharsets.UTF_8))) {
      return new CatalogIndex(CatalogCsv.read(r));
    }
  }

  /** The book, or null if unknown. */
  public Book get(long id) {
    return byId.get(id);
  }

  public java.util.Set<Long> ids() {
    return byId.keySet();
  }
}
