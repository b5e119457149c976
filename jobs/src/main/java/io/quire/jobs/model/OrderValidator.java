package io.quire.jobs.model;

import java.util.Set;

/**
 * Business rules an order must satisfy before the jobs use it: items present, positive
 * quantities and prices, books known to the catalog, a plausible timestamp. The status is
 * checked when parsing ({@link OrderStatus#parse}).
 */
public final class OrderValidator {
  /** 2000-01-01T00:00:00Z. */
  public static final long MIN_PLACED_AT = 946_684_800_000L;
  /** 2100-01-01T00:00:00Z. */
  public static final long MAX_PLACED_AT = 4_102_444_800_000L;

  private final Set<Long> catalogBookIds;

  /** @param catalogBookIds ids of the catalog; {@code null} skips the catalog check */
  public OrderValidator(Set<Long> catalogBookIds) {
    this.catalogBookIds = catalogBookIds;
  }

  /** @throws MalformedOrderException naming the first rule the order breaks */
  public void validate(Order o) throws MalformedOrderException {
    if (o.placedAtMillis() < MIN_PLACED_AT || o.placedAtMillis() >= MAX_PLACED_AT) {
      throw new MalformedOrderException(MalformedReason.BAD_TIMESTAMP,
          "order " + o.orderId() + " placed_at " + o.placedAtMillis());
    }
    if (o.items().isEmpty()) {
      throw new MalformedOrderException(MalformedReason.NO_ITEMS, "order " + o.orderId());
    }
    for (LineItem li : o.items()) {
      if (li.quantity() <= 0) {
        throw new MalformedOrderException(MalformedReason.BAD_QUANTITY,
            "order " + o.orderId() + " book " + li.bookId() + " quantity " + li.quantity());
      }
      if (li.unitPriceCents() <= 0) {
        throw new MalformedOrderException(MalformedReason.BAD_PRICE,
            "order " + o.orderId() + " book " + li.bookId() + " price " + li.unitPriceCents());
      }
      if (catalogBookIds != null && !catalogBookIds.contains(li.bookId())) {
        throw new MalformedOrderException(MalformedReason.UNKNOWN_BOOK,
            "order " + o.orderId() + " book " + li.bookId());
      }
    }
  }
}
