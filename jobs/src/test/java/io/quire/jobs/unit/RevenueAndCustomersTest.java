package io.quire.jobs.unit;

import static io.quire.jobs.model.OrderStatus.CANCELLED;
import static io.quire.jobs.model.OrderStatus.COMPLETED;
import static io.quire.jobs.unit.Orders.APR_02;
import static io.quire.jobs.unit.Orders.MAR_10;
import static io.quire.jobs.unit.Orders.item;
import static io.quire.jobs.unit.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.jobs.customers.CustomerCombiner;
import io.quire.jobs.customers.CustomerCounters;
import io.quire.jobs.customers.CustomerMapper;
import io.quire.jobs.customers.CustomerReducer;
import io.quire.jobs.customers.CustomerWritable;
import io.quire.jobs.customers.Rfm;
import io.quire.jobs.revenue.RevenueCombiner;
import io.quire.jobs.revenue.RevenueMapper;
import io.quire.jobs.revenue.RevenueReducer;
import io.quire.jobs.revenue.RevenueWritable;
import io.quire.jobs.testing.MrDriver;
import io.quire.jobs.testing.UnitConf;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

/** Revenue and customer mappers, combiners and reducers. */
class RevenueAndCustomersTest {

  @Test
  void revenueMapperCountsEveryStatusAndRevenueOfCompletedOnly() throws Exception {
    Configuration conf = UnitConf.create("revenue-map");
    MrDriver.Result r = MrDriver.map(new RevenueMapper(), conf, List.of(
        order(1, 7, MAR_10, COMPLETED, item(1, 2, 1000), item(3, 1, 2500)),
        order(2, 8, MAR_10, CANCELLED, item(2, 1, 1299))));
    assertThat(r.lines()).containsExactly(
        "day\t2025-03-10\t1/0/0 3u 4500c", "month\t2025-03\t1/0/0 3u 4500c",
        "category\tCooking\t2025-03\t1/0/0 1u 2500c", "category\tFantasy\t2025-03\t1/0/0 2u 2000c",
        "day\t2025-03-10\t0/1/0 0u 0c", "month\t2025-03\t0/1/0 0u 0c");
  }

  @Test
  void revenueReducerWritesDaysMonthsAndCategoriesApart() throws Exception {
    Configuration conf = UnitConf.create("revenue-reduce");
    List<Map.Entry<Text, RevenueWritable>> in = List.of(
        Map.entry(new Text("month\t2025-03"), new RevenueWritable(3, 0, 0, 5, 10001)),
        Map.entry(new Text("month\t2025-03"), new RevenueWritable(0, 1, 0, 0, 0)),
        Map.entry(new Text("month\t2025-03"), new RevenueWritable(0, 0, 1, 0, 0)),
        Map.entry(new Text("category\tFantasy\t2025-03"), new RevenueWritable(2, 0, 0, 4, 5000)),
        Map.entry(new Text("day\t2025-03-10"), new RevenueWritable(1, 0, 0, 1, 999)));
    assertThat(MrDriver.reduce(new RevenueCombiner(), conf, Text.class, RevenueWritable.class, in)
        .lines()).contains("month\t2025-03\t3/1/1 5u 10001c");
    MrDriver.reduce(new RevenueReducer(), conf, Text.class, RevenueWritable.class, in);
    assertThat(UnitConf.sideLines(conf, "month"))
        .containsExactly("2025-03\t5\t3\t1\t1\t5\t10001\t3333\t0.2000\t0.2000");
    assertThat(UnitConf.sideLines(conf, "day"))
        .containsExactly("2025-03-10\t1\t1\t0\t0\t1\t999\t999\t0.0000\t0.0000");
    assertThat(UnitConf.sideLines(conf, "category"))
        .containsExactly("Fantasy\t2025-03\t2\t4\t5000");
  }

  @Test
  void customerPipelineScoresRfmAndCountsRepeatBuyers() throws Exception {
    Configuration conf = UnitConf.create("customers");
    conf.setLong(CustomerReducer.AS_OF_KEY, LocalDate.of(2025, 4, 10).toEpochDay());
    MrDriver.Result mapped = MrDriver.map(new CustomerMapper(), conf, List.of(
        order(1, 7, MAR_10, COMPLETED, item(1, 1, 30000)),
        order(2, 7, APR_02, COMPLETED, item(3, 1, 2500)),
        order(3, 9, APR_02, COMPLETED, item(2, 1, 1299)),
        order(4, 9, APR_02, CANCELLED, item(2, 1, 1299))));
    assertThat(mapped.lines()).containsExactly(
        "7\t1 orders, 30000c, " + MAR_10 + ".." + MAR_10,
        "7\t1 orders, 2500c, " + APR_02 + ".." + APR_02,
        "9\t1 orders, 1299c, " + APR_02 + ".." + APR_02);
    List<Map.Entry<LongWritable, CustomerWritable>> in = List.of(
        Map.entry(new LongWritable(7), new CustomerWritable(1, 30000, MAR_10, MAR_10)),
        Map.entry(new LongWritable(7), new CustomerWritable(1, 2500, APR_02, APR_02)),
        Map.entry(new LongWritable(9), new CustomerWritable(1, 1299, APR_02, APR_02)));
    assertThat(MrDriver.reduce(new CustomerCombiner(), conf, LongWritable.class,
        CustomerWritable.class, in).lines()).containsExactly(
        "7\t2 orders, 32500c, " + MAR_10 + ".." + APR_02,
        "9\t1 orders, 1299c, " + APR_02 + ".." + APR_02);
    MrDriver.Result r = MrDriver.reduce(new CustomerReducer(), conf, LongWritable.class,
        CustomerWritable.class, in);
    assertThat(r.lines()).containsExactly(
        "7\t2\t32500\t2025-03-10\t2025-04-02\t8\t5\t2\t4\tPotential loyalists",
        "9\t1\t1299\t2025-04-02\t2025-04-02\t8\t5\t1\t1\tNew");
    assertThat(r.counters().findCounter(CustomerCounters.CUSTOMERS).getValue()).isEqualTo(2);
    assertThat(r.counters().findCounter(CustomerCounters.REPEAT_CUSTOMERS).getValue())
        .isEqualTo(1);
    assertThat(r.counters().findCounter(CustomerReducer.SEGMENT_GROUP, "New").getValue())
        .isEqualTo(1);
  }

  @Test
  void rfmThresholdsAndSegmentsAtTheirBoundaries() {
    assertThat(List.of(Rfm.recency(30), Rfm.recency(31), Rfm.recency(90), Rfm.recency(270),
        Rfm.recency(271))).containsExactly(5, 4, 4, 2, 1);
    assertThat(List.of(Rfm.frequency(1), Rfm.frequency(2), Rfm.frequency(4), Rfm.frequency(5),
        Rfm.frequency(10))).containsExactly(1, 2, 3, 4, 5);
    assertThat(List.of(Rfm.monetary(2999), Rfm.monetary(3000), Rfm.monetary(50000)))
        .containsExactly(1, 2, 5);
    assertThat(List.of(Rfm.segment(5, 5), Rfm.segment(2, 4), Rfm.segment(5, 1),
        Rfm.segment(3, 2), Rfm.segment(1, 3), Rfm.segment(3, 1)))
        .containsExactly("Champions", "Loyal", "New", "Potential loyalists", "At risk",
            "Hibernating");
  }
}
