package io.quire.jobs.unit;

import static io.quire.jobs.model.OrderStatus.CANCELLED;
import static io.quire.jobs.model.OrderStatus.COMPLETED;
import static io.quire.jobs.model.OrderStatus.REFUNDED;
import static io.quire.jobs.unit.Orders.APR_02;
import static io.quire.jobs.unit.Orders.MAR_10;
import static io.quire.jobs.unit.Orders.bad;
import static io.quire.jobs.unit.Orders.item;
import static io.quire.jobs.unit.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.jobs.authors.AuthorPublisherMapper;
import io.quire.jobs.bestsellers.BookSalesMapper;
import io.quire.jobs.model.MalformedReason;
import io.quire.jobs.mr.OrderCounters;
import io.quire.jobs.mr.SalesCombiner;
import io.quire.jobs.mr.SalesReducer;
import io.quire.jobs.mr.SalesWritable;
import io.quire.jobs.testing.MrDriver;
import io.quire.jobs.testing.UnitConf;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

/** Best-sellers and authors/publishers mappers, the sales combiner and reducer. */
class SalesMappersTest {

  @Test
  void bookSalesMapperEmitsPerBookForAllMonthAndCategoryOfCompletedOrdersOnly()
      throws Exception {
    Configuration conf = UnitConf.create("book-sales");
    MrDriver.Result r = MrDriver.map(new BookSalesMapper(), conf, List.of(
        order(1, 7, MAR_10, COMPLETED, item(1, 2, 999), item(3, 1, 2500), item(1, 1, 1099)),
        order(2, 7, APR_02, CANCELLED, item(2, 1, 1299)),
        order(3, 8, APR_02, REFUNDED, item(2, 1, 1299))));
    assertThat(r.lines()).containsExactly(
        "all\t1\t3\t3097\t1", "month=2025-03\t1\t3\t3097\t1", "category=Fantasy\t1\t3\t3097\t1",
        "all\t3\t1\t2500\t1", "month=2025-03\t3\t1\t2500\t1", "category=Cooking\t3\t1\t2500\t1");
    assertThat(r.counters().findCounter(OrderCounters.COMPLETED).getValue()).isEqualTo(1);
    assertThat(r.counters().findCounter(OrderCounters.CANCELLED).getValue()).isEqualTo(1);
    assertThat(r.counters().findCounter(OrderCounters.REFUNDED).getValue()).isEqualTo(1);
  }

  @Test
  void malformedRecordsAreCountedPerReasonAndWrittenAsideNeverThrown() throws Exception {
    Configuration conf = UnitConf.create("malformed");
    MrDriver.Result r = MrDriver.map(new BookSalesMapper(), conf, List.of(
        bad(MalformedReason.UNPARSEABLE, "{\"order_id\":1,"),
        order(5, 7, MAR_10, COMPLETED, item(99, 1, 999)),
        order(6, 7, MAR_10, COMPLETED, item(1, 0, 999)),
        order(7, 7, MAR_10, COMPLETED, item(1, 1, -5)),
        order(8, 7, 1000, COMPLETED, item(1, 1, 999)),
        order(9, 7, MAR_10, COMPLETED)));
    assertThat(r.lines()).isEmpty();
    for (MalformedReason m : List.of(MalformedReason.UNPARSEABLE, MalformedReason.UNKNOWN_BOOK,
        MalformedReason.BAD_QUANTITY, MalformedReason.BAD_PRICE, MalformedReason.BAD_TIMESTAMP,
        MalformedReason.NO_ITEMS)) {
      assertThat(r.counters().findCounter(m).getValue()).as(m.name()).isEqualTo(1);
    }
    assertThat(r.counters().findCounter(OrderCounters.MALFORMED).getValue()).isEqualTo(6);
    List<String> side = UnitConf.sideLines(conf, "malformed");
    assertThat(side).hasSize(6).anySatisfy(l -> assertThat(l)
        .isEqualTo("UNPARSEABLE\t{\"order_id\":1,"));
  }

  @Test
  void authorPublisherMapperJoinsLinesWithTheCachedCatalog() throws Exception {
    Configuration conf = UnitConf.create("authors");
    MrDriver.Result r = MrDriver.map(new AuthorPublisherMapper(), conf, List.of(
        order(1, 7, MAR_10, COMPLETED, item(1, 1, 1000), item(2, 2, 1200), item(3, 1, 2500))));
    assertThat(r.lines()).containsExactly("author\tAnn Lee\t3\t3400\t1",
        "author\tBo Kim\t1\t2500\t1", "publisher\tOrbit\t3\t3400\t1",
        "publisher\tVerso\t1\t2500\t1");
  }

  @Test
  void salesCombinerAndReducerSumUnitsCentsAndOrders() throws Exception {
    Configuration conf = UnitConf.create("sales-reduce");
    List<Map.Entry<Text, SalesWritable>> in = List.of(
        Map.entry(new Text("all\t1"), new SalesWritable(2, 1998, 1)),
        Map.entry(new Text("all\t2"), new SalesWritable(1, 500, 1)),
        Map.entry(new Text("all\t1"), new SalesWritable(1, 1099, 1)));
    assertThat(MrDriver.reduce(new SalesCombiner(), conf, Text.class, SalesWritable.class, in)
        .lines()).containsExactly("all\t1\t3\t3097\t2", "all\t2\t1\t500\t1");
    assertThat(MrDriver.reduce(new SalesReducer(), conf, Text.class, SalesWritable.class, in)
        .lines()).containsExactly("all\t1\t3\t3097\t2", "all\t2\t1\t500\t1");
  }
}
