package io.quire.jobs.authors;

import io.quire.jobs.cli.Args;
import io.quire.jobs.mr.OrderJobTool;
import io.quire.jobs.mr.SalesRanking;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;

/**
 * Authors and publishers: order lines joined map-side with the catalog (distributed cache),
 * summed per author and per publisher, then ranked by revenue. Output:
 * <pre>
 * OUT/sales/part-r-*  kind  name  units  revenue_cents  orders     (kind: author | publisher)
 * OUT/top/part-r-*    kind  rank  name  units  revenue_cents  orders
 * </pre>
 * Option {@code --top N} (default 20).
 */
public final class AuthorsPublishersJob extends OrderJobTool {

  @Override
  public String name() {
    return "authors-publishers";
  }

  @Override
  protected Set<String> extraOptions() {
    return Set.of("top");
  }

  @Override
  protected void run(Inputs in, Path out, Args a) throws Exception {
    SalesRanking.run(getConf(), "authors-publishers", "join and sum", "ranking",
        AuthorPublisherMapper.class, in, out, (int) a.getLong("top", 20));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new AuthorsPublishersJob(), args));
  }
}
