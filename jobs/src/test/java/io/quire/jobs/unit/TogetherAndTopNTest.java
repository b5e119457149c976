package io.quire.jobs.unit;

import static io.quire.jobs.model.OrderStatus.COMPLETED;
import static io.quire.jobs.unit.Orders.MAR_10;
import static io.quire.jobs.unit.Orders.item;
import static io.quire.jobs.unit.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.jobs.mr.RankGrouping;
import io.quire.jobs.mr.RankKey;
import io.quire.jobs.mr.TopN;
import io.quire.jobs.testing.MrDriver;
import io.quire.jobs.testing.UnitConf;
import io.quire.jobs.together.BookOrdersMapper;
import io.quire.jobs.together.BookOrdersReducer;
import io.quire.jobs.together.PairsReducer;
import io.quire.jobs.together.StripeWritable;
import io.quire.jobs.together.StripesCombiner;
import io.quire.jobs.together.StripesMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bought-together stripes, combiner and scoring; the top-N secondary sort. */
@Timeout(60)
class TogetherAndTopNTest {

  private static StripeWritable stripe(long... bookCount) {
    StripeWritable s = new StripeWritable();
    for (int i = 0; i < bookCount.length; i += 2) {
      s.increment(bookCount[i], bookCount[i + 1]);
    }
    return s;
  }

  @Test
  void stripesMapperEmitsOneStripePerDistinctBookOfMultiBookOrders() throws Exception {
    Configuration conf = UnitConf.create("stripes");
    MrDriver.Result r = MrDriver.map(new StripesMapper(), conf, List.of(
        order(1, 7, MAR_10, COMPLETED, item(2, 1, 1299), item(1, 1, 1099), item(2, 1, 1299)),
        order(2, 7, MAR_10, COMPLETED, item(3, 1, 2500)),
        order(3, 8, MAR_10, COMPLETED, item(1, 1, 1099), item(2, 1, 1299), item(3, 1, 2500))));
    assertThat(r.lines()).containsExactly("1\t{2=1}", "2\t{1=1}", "1\t{2=1, 3=1}",
        "2\t{1=1, 3=1}", "3\t{1=1, 2=1}");
  }

  @Test
  void itemCountStageCountsOrdersContainingEachBookOnce() throws Exception {
    Configuration conf = UnitConf.create("item-counts");
    MrDriver.Result m = MrDriver.map(new BookOrdersMapper(), conf, List.of(
        order(1, 7, MAR_10, COMPLETED, item(2, 1, 1299), item(2, 3, 1299), item(1, 1, 1099)),
        order(2, 7, MAR_10, io.quire.jobs.model.OrderStatus.CANCELLED, item(3, 1, 2500))));
    assertThat(m.lines()).containsExactly("1\t1", "2\t1");
    assertThat(MrDriver.reduce(new BookOrdersReducer(), conf, LongWritable.class,
        LongWritable.class, List.of(Map.entry(new LongWritable(2), new LongWritable(1)),
            Map.entry(new LongWritable(1), new LongWritable(4)),
            Map.entry(new LongWritable(2), new LongWritable(2)))).lines())
        .containsExactly("1\t4", "2\t3");
  }

  @Test
  void stripesCombinerMergesElementWise() throws Exception {
    Configuration conf = UnitConf.create("stripes-combine");
    assertThat(MrDriver.reduce(new StripesCombiner(), conf, LongWritable.class,
        StripeWritable.class, List.of(Map.entry(new LongWritable(1), stripe(2, 1)),
            Map.entry(new LongWritable(1), stripe(2, 4, 3, 1)))).lines())
        .containsExactly("1\t{2=5, 3=1}");
  }

  @Test
  void pairsReducerScoresSupportConfidenceAndLift() throws Exception {
    Configuration conf = UnitConf.create("pairs");
    File counts = new File(UnitConf.dir("pairs"), "item-counts");
    Files.createDirectories(counts.toPath());
    Files.writeString(new File(counts, "part-r-00000").toPath(), "1\t10\n2\t8\n3\t40\n",
        StandardCharsets.UTF_8);
    conf.set(PairsReducer.ITEM_COUNTS_KEY, counts.toURI().toString());
    conf.setLong(PairsReducer.ORDERS_KEY, 100);
    conf.setLong(PairsReducer.MIN_COUNT_KEY, 2);
    conf.setInt(PairsReducer.TOP_KEY, 1);
    MrDriver.reduce(new PairsReducer(), conf, LongWritable.class, StripeWritable.class, List.of(
        Map.entry(new LongWritable(1), stripe(2, 6, 3, 1)),
        Map.entry(new LongWritable(1), stripe(3, 3)),
        Map.entry(new LongWritable(2), stripe(1, 6))));
    // n_12 = 6: support 0.06, conf 1->2 0.6, 2->1 0.75, lift 6*100/(10*8) = 7.5
    // n_13 = 4: lift 4*100/(10*40) = 1.0
    assertThat(UnitConf.sideLines(conf, "pairs")).containsExactly(
        "1\t2\t6\t0.060000\t0.6000\t0.7500\t7.5000", "1\t3\t4\t0.040000\t0.4000\t0.1000\t1.0000");
    assertThat(UnitConf.sideLines(conf, "companions")).containsExactly(
        "1\t1\t2\t6\t0.6000\t7.5000", "2\t1\t1\t6\t0.7500\t7.5000");
  }

  @Test
  void topNRanksEachGroupByRevenueThenIdWithSecondarySort() throws Exception {
    Configuration conf = UnitConf.create("topn");
    conf.setInt(TopN.N_KEY, 2);
    MrDriver.Result mapped = MrDriver.map(new TopN.RankMapper(), conf, List.of(
        Map.entry(new LongWritable(0), new Text("all\t1\t3\t500\t2")),
        Map.entry(new LongWritable(1), new Text("all\t2\t1\t900\t1")),
        Map.entry(new LongWritable(2), new Text("all\t3\t1\t500\t1")),
        Map.entry(new LongWritable(3), new Text("month=2025-03\t1\t3\t500\t2"))));
    assertThat(mapped.lines()).hasSize(4);
    List<Map.Entry<RankKey, Text>> in = new ArrayList<>();
    for (String row : List.of("all\t1\t3\t500\t2", "all\t2\t1\t900\t1", "all\t3\t1\t500\t1",
        "month=2025-03\t1\t3\t500\t2")) {
      String[] f = row.split("\t");
      RankKey k = new RankKey();
      k.set(f[0], Long.parseLong(f[3]), f[1]);
      in.add(Map.entry(k, new Text(row)));
    }
    MrDriver.Result r = MrDriver.reduce(new TopN.TopReducer(), conf, RankKey.class, Text.class,
        in, new RankGrouping.GroupComparator());
    assertThat(r.lines()).containsExactly("all\t1\t2\t1\t900\t1", "all\t2\t1\t3\t500\t2",
        "month=2025-03\t1\t1\t3\t500\t2");
  }

  @Test
  void rankKeySortsGroupThenMetricDescendingThenId() {
    RankKey a = new RankKey();
    a.set("all", 500, "1");
    RankKey b = new RankKey();
    b.set("all", 900, "2");
    RankKey c = new RankKey();
    c.set("all", 500, "3");
    RankKey d = new RankKey();
    d.set("b", 1, "1");
    List<RankKey> keys = new ArrayList<>(List.of(d, c, a, b));
    keys.sort(null);
    assertThat(keys).containsExactly(b, a, c, d);
    assertThat(new RankGrouping.GroupPartitioner().getPartition(a, null, 7))
        .isEqualTo(new RankGrouping.GroupPartitioner().getPartition(b, null, 7));
  }
}
