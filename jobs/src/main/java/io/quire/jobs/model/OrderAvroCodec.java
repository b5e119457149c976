package io.quire.jobs.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Converts between {@link Order} and the archive's Avro GenericRecord (schema v1). */
public final class OrderAvroCodec {
  private final Schema orderSchema = OrderSchemas.order();
  private final Schema itemSchema = orderSchema.getField("items").schema().getElementType();

  /** Encodes an order; the status is written as given (raw), so tests can archive bad ones. */
  public GenericRecord toRecord(Order o) {
    return toRecord(o.orderId(), o.userId(), o.placedAtMillis(), o.status().wireName(), o.city(),
        o.items());
  }

  /** Encodes the raw fields of an order, status as a free string. */
  public GenericRecord toRecord(long orderId, long userId, long placedAt, String status,
      String city, List<LineItem> items) {
    GenericRecord r = new GenericData.Record(orderSchema);
    r.put("order_id", orderId);
    r.put("user_id", userId);
    r.put("placed_at", placedAt);
    r.put("status", status);
    r.put("city", city);
    List<GenericRecord> list = new ArrayList<>(items.size());
    for (LineItem li : items) {
      GenericRecord ir = new GenericData.Record(itemSchema);
      ir.put("book_id", li.bookId());
      ir.put("quantity", li.quantity());
      ir.put("unit_price_cents", li.unitPriceCents());
      list.add(ir);
    }
    r.put("items", list);
    return r;
  }

  /**
   * Decodes a record read with schema v1.
   *
   * @throws MalformedOrderException for an unknown status or a record of another shape
   */
  public Order fromRecord(GenericRecord r) throws MalformedOrderException {
    try {
      OrderStatus status = OrderStatus.parse(String.valueOf(r.get("status")));
      List<?> raw = (List<?>) r.get("items");
      List<LineItem> items = new ArrayList<>(raw.size());
      for (Object o : raw) {
        GenericRecord ir = (GenericRecord) o;
        items.add(new LineItem((Long) ir.get("book_id"), (Integer) ir.get("quantity"),
            (Long) ir.get("unit_price_cents")));
      }
      return new Order((Long) r.get("order_id"), (Long) r.get("user_id"),
          (Long) r.get("placed_at"), status, String.valueOf(r.get("city")), items);
    } catch (ClassCastException | NullPointerException e) {
      throw new MalformedOrderException(MalformedReason.MISSING_FIELD,
          "avro record does not match order schema v1: " + e.getMessage());
    }
  }
}
