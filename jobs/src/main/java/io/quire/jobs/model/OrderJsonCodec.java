package io.quire.jobs.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines export of orders, the form a bookstore's web application exports: one object per
 * line,
 * <pre>
 * {"order_id":17,"user_id":4,"placed_at":"2025-03-01T12:34:56.789Z","status":"completed",
 *  "city":"Lyon","items":[{"book_id":12,"quantity":1,"unit_price":12.99}]}
 * </pre>
 * {@code placed_at} is ISO-8601 UTC; {@code unit_price} a decimal number with at most two
 * fraction digits (parsed exactly into cents).
 */
public final class OrderJsonCodec {
  private final ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** One JSON line (no trailing newline) for the order; {@code status} is written raw. */
  public String toJson(long orderId, long userId, long placedAt, String status, String city,
      List<LineItem> items) {
    StringBuilder sb = new StringBuilder(160);
    sb.append("{\"order_id\":").append(orderId).append(",\"user_id\":").append(userId)
        .append(",\"placed_at\":\"").append(Instant.ofEpochMilli(placedAt)).append("\"")
        .append(",\"status\":").append(quote(status)).append(",\"city\":").append(quote(city))
        .append(",\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      LineItem li = items.get(i);
      sb.append(i == 0 ? "" : ",").append("{\"book_id\":").append(li.bookId())
          .append(",\"quantity\":").append(li.quantity()).append(",\"unit_price\":")
          .append(BigDecimal.valueOf(li.unitPriceCents(), 2).toPlainString()).append('}');
    }
    return sb.append("]}").toString();
  }

  /** @throws MalformedOrderException UNPARSEABLE, MISSING_FIELD, BAD_STATUS or BAD_PRICE */
  public Order parse(String line) throws MalformedOrderException {
    JsonNode n;
    try {
      n = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      throw new MalformedOrderException(MalformedReason.UNPARSEABLE, e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new MalformedOrderException(MalformedReason.UNPARSEABLE, "not a JSON object");
    }
    long orderId = longField(n, "order_id");
    long userId = longField(n, "user_id");
    long placedAt;
    try {
      placedAt = Instant.parse(textField(n, "placed_at")).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new MalformedOrderException(MalformedReason.BAD_TIMESTAMP, e.getMessage());
    }
    OrderStatus status = OrderStatus.parse(textField(n, "status"));
    String city = textField(n, "city");
    JsonNode arr = n.get("items");
    if (arr == null || !arr.isArray()) {
      throw new MalformedOrderException(MalformedReason.MISSING_FIELD, "items");
    }
    List<LineItem> items = new ArrayList<>(arr.size());
    for (JsonNode it : arr) {
      items.add(new LineItem(longField(it, "book_id"), (int) longField(it, "quantity"),
          cents(it.get("unit_price"))));
    }
    return new Order(orderId, userId, placedAt, status, city, items);
  }

  private static long cents(JsonNode p) throws MalformedOrderException {
    if (p == null || !p.isNumber()) {
      throw new MalformedOrderException(MalformedReason.MISSING_FIELD, "unit_price");
    }
    try {
      return p.decimalValue().movePointRight(2).longValueExact();
    } catch (ArithmeticException e) {
      throw new MalformedOrderException(MalformedReason.BAD_PRICE, "unit_price " + p);
    }
  }

  private static long longField(JsonNode n, String f) throws MalformedOrderException {
    JsonNode v = n.get(f);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new MalformedOrderException(MalformedReason.MISSING_FIELD, f);
    }
    return v.longValue();
  }

  private static String textField(JsonNode n, String f) throws MalformedOrderException {
    JsonNode v = n.get(f);
    if (v == null || !v.isTextual()) {
      throw new MalformedOrderException(MalformedReason.MISSING_FIELD, f);
    }
    return v.textValue();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
