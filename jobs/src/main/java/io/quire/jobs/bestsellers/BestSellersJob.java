package io.quire.jobs.bestsellers;

import io.quire.jobs.cli.Args;
import io.quire.jobs.mr.OrderJobTool;
import io.quire.jobs.mr.SalesRanking;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;

/**
 * Best sellers: units and revenue per book overall, per month and per category, then the top N
 * of each group by revenue. Two chained jobs; output:
 * <pre>
 * OUT/sales/part-r-*   group  book_id  units  revenue_cents  orders
 * OUT/top/part-r-*     group  rank  book_id  units  revenue_cents  orders
 * OUT/sales/malformed/ rejected records (reason, raw)
 * </pre>
 * Groups: {@code all}, {@code month=YYYY-MM}, {@code category=NAME}. Options: {@code --top N}
 * (default 20).
 */
public final class BestSellersJob extends OrderJobTool {

  @Override
  public String name() {
    return "best-sellers";
  }

  @Override
  protected Set<String> extraOptions() {
    return Set.of("top");
  }

  @Override
  protected void run(Inputs in, Path out, Args a) throws Exception {
    SalesRanking.run(getConf(), "best-sellers", "sales per book", "top per group",
        BookSalesMapper.class, in, out, (int) a.getLong("top", 20));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new BestSellersJob(), args));
  }
}
