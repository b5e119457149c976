package io.quire.jobs.mr;

/**
 * Counters every order-reading job keeps (group {@code io.quire.jobs.mr.OrderCounters}).
 * Malformed records are also counted per reason under
 * {@link io.quire.jobs.model.MalformedReason}.
 */
public enum OrderCounters {
  /** Records read, valid or not. */
  RECORDS,
  /** Records rejected (sum over all MalformedReason counters). */
  MALFORMED,
  /** Valid completed orders: the only ones that count as revenue. */
  COMPLETED,
  /** Valid cancelled orders, counted apart from revenue. */
  CANCELLED,
  /** Valid refunded orders, counted apart from revenue. */
  REFUNDED
}
