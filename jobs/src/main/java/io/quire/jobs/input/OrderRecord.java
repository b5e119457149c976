package io.quire.jobs.input;

import io.quire.jobs.model.MalformedReason;
import io.quire.jobs.model.Order;

/**
 * What the order input formats hand a mapper: either a parsed {@link Order} or a malformed
 * record with its reason and raw text (for the side output). Reused between records; not a
 * Writable because it never crosses the shuffle.
 */
public final class OrderRecord {
  private Order order;
  private MalformedReason reason;
  private String raw;

  /** Sets a parsed order. */
  public void setOrder(Order o) {
    this.order = o;
    this.reason = null;
    this.raw = null;
  }

  /** Sets a malformed record. */
  public void setMalformed(MalformedReason why, String rawText) {
    this.order = null;
    this.reason = why;
    this.raw = rawText;
  }

  public boolean isMalformed() {
    return order == null;
  }

  /** The parsed order; null when {@link #isMalformed()}. */
  public Order order() {
    return order;
  }

  public MalformedReason reason() {
    return reason;
  }

  public String raw() {
    return raw;
  }
}
