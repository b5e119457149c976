package io.quire.jobs.generate;

import io.quire.jobs.model.LineItem;
import io.quire.jobs.model.MalformedReason;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a share of generated orders into malformed records, one reason each, for testing the
 * jobs' handling: bad status, no items, non-positive quantity or price, a book the catalog does
 * not know, an impossible timestamp; in JSON Lines also unparseable lines and missing fields.
 */
final class MalformedInjector {
  private static final MalformedReason[] AVRO = {MalformedReason.BAD_STATUS,
      MalformedReason.NO_ITEMS, MalformedReason.BAD_QUANTITY, MalformedReason.BAD_PRICE,
      MalformedReason.UNKNOWN_BOOK, MalformedReason.BAD_TIMESTAMP};
  private static final MalformedReason[] JSON = {MalformedReason.BAD_STATUS,
      MalformedReason.NO_ITEMS, MalformedReason.BAD_QUANTITY, MalformedReason.BAD_PRICE,
      MalformedReason.UNKNOWN_BOOK, MalformedReason.BAD_TIMESTAMP, MalformedReason.UNPARSEABLE,
      MalformedReason.MISSING_FIELD};

  private final double share;
  private final boolean json;
  private final long unknownBookId;

  MalformedInjector(double share, boolean json, int catalogSize) {
    this.share = share;
    this.json = json;
    this.unknownBookId = catalogSize + 1_000_000L;
  }

  /** The reason to corrupt this order with, or null to keep it intact. */
  MalformedReason pick(SplittableRandom rnd) {
    if (share <= 0 || rnd.nextDouble() >= share) {
      return null;
    }
    MalformedReason[] kinds = json ? JSON : AVRO;
    return kinds[rnd.nextInt(kinds.length)];
  }

  /** The order corrupted for {@code why} (UNPARSEABLE and MISSING_FIELD are done on the text). */
  GeneratedOrder corrupt(GeneratedOrder o, MalformedReason why) {
    List<LineItem> items = new ArrayList<>(o.items());
    LineItem first = items.get(0);
    switch (why) {
      case BAD_STATUS:
        return new GeneratedOrder(o.orderId(), o.userId(), o.placedAt(), "shipped?", o.city(),
            items);
      case NO_ITEMS:
        return new GeneratedOrder(o.orderId(), o.userId(), o.placedAt(), o.status(), o.city(),
            List.of());
      case BAD_QUANTITY:
        items.set(0, new LineItem(first.bookId(), -first.quantity(), first.unitPriceCents()));
        break;
      case BAD_PRICE:
        items.set(0, new LineItem(first.bookId(), first.quantity(), 0));
        break;
      case UNKNOWN_BOOK:
        items.set(0, new LineItem(unknownBookId, first.quantity(), first.unitPriceCents()));
        break;
      case BAD_TIMESTAMP:
        return new GeneratedOrder(o.orderId(), o.userId(), 86_400_000L * 3, o.status(), o.city(),
            items);
      default:
        return o;
    }
    return new GeneratedOrder(o.orderId(), o.userId(), o.placedAt(), o.status(), o.city(),
        items);
  }
}
