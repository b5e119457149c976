package io.quire.jobs.model;

/**
 * Why an order record was rejected. The jobs count each reason in a Hadoop counter of this enum
 * and write the record to their {@code malformed/} side output; a malformed record never fails a
 * job.
 */
public enum MalformedReason {
  /** Not parseable at all (broken JSON line, wrong Avro record shape). */
  UNPARSEABLE,
  /** A required field is missing or has the wrong type. */
  MISSING_FIELD,
  /** Status other than completed, cancelled, refunded. */
  BAD_STATUS,
  /** An order without line items. */
  NO_ITEMS,
  /** Quantity zero or negative. */
  BAD_QUANTITY,
  /** Unit price zero or negative. */
  BAD_PRICE,
  /** A book id that the catalog does not know. */
  UNKNOWN_BOOK,
  /** placed_at outside [2000-01-01, 2100-01-01) UTC. */
  BAD_TIMESTAMP
}
