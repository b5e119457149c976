package io.quire.jobs.customers;

/** Store-level figures the customers job derives its summary from. */
public enum CustomerCounters {
  /** Customers with at least one completed order. */
  CUSTOMERS,
  /** Customers with two or more completed orders. */
  REPEAT_CUSTOMERS,
  /** Total spend of all customers, cents. */
  SPEND_CENTS
}
