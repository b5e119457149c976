package io.quire.jobs.mr;

import io.quire.jobs.input.OrderRecord;
import io.quire.jobs.model.MalformedOrderException;
import io.quire.jobs.model.MalformedReason;
import io.quire.jobs.model.Order;
import io.quire.jobs.model.OrderValidator;
import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * Base of every mapper that reads orders: loads the catalog from the distributed cache,
 * validates each record, counts it ({@link OrderCounters}, one counter per
 * {@link MalformedReason}) and writes rejected records to the {@value #MALFORMED_OUTPUT} side
 * output as {@code reason<TAB>raw record}, so a bad record never fails the job. Subclasses see
 * only valid orders, whatever their status.
 */
public abstract class OrderMapper<K, V> extends Mapper<LongWritable, OrderRecord, K, V> {
  /** Named output of rejected records (files {@code malformed/part-m-NNNNN}). */
  public static final String MALFORMED_OUTPUT = "malformed";

  private MultipleOutputs<K, V> side;
  private OrderValidator validator;
  private CatalogIndex catalog;
  private final Text malformedLine = new Text();

  @Override
  protected void setup(Context ctx) throws IOException, InterruptedException {
    catalog = CatalogIndex.fromCache(ctx);
    validator = new OrderValidator(catalog.ids());
    side = new MultipleOutputs<>(ctx);
  }

  /** The catalog shipped with the job. */
  protected CatalogIndex catalog() {
    return catalog;
  }

  @Override
  protected void map(LongWritable key, OrderRecord rec, Context ctx)
      throws IOException, InterruptedException {
    ctx.getCounter(OrderCounters.RECORDS).increment(1);
    if (rec.isMalformed()) {
      reject(rec.reason(), rec.raw(), ctx);
      return;
    }
    Order o = rec.order();
    try {
      validator.validate(o);
    } catch (MalformedOrderException e) {
      reject(e.reason(), o.toString(), ctx);
      return;
    }
    switch (o.status()) {
      case COMPLETED:
        ctx.getCounter(OrderCounters.COMPLETED).increment(1);
        break;
      case CANCELLED:
        ctx.getCounter(OrderCounters.CANCELLED).increment(1);
        break;
      default:
        ctx.getCounter(OrderCounters.REFUNDED).increment(1);
    }
    mapOrder(o, ctx);
  }

  private void reject(MalformedReason why, String raw, Context ctx)
      throws IOException, InterruptedException {
    ctx.getCounter(OrderCounters.MALFORMED).increment(1);
    ctx.getCounter(why).increment(1);
    malformedLine.set(why + "\t" + raw.replace('\n', ' '));
    side.write(MALFORMED_OUTPUT, NullWritable.get(), malformedLine, MALFORMED_OUTPUT + "/part");
  }

  /** Handles one valid order (any status; only COMPLETED orders are revenue). */
  protected abstract void mapOrder(Order o, Context ctx) throws IOException, InterruptedException;

  @Override
  protected void cleanup(Context ctx) throws IOException, InterruptedException {
    side.close();
  }
}
