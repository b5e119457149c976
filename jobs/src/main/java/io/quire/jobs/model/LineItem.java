package io.quire.jobs.model;

/** One line of an order: a book, how many copies, and the unit price actually paid, in cents. */
public record LineItem(long bookId, int quantity, long unitPriceCents) {

  /** The line's total in cents. */
  public long totalCents() {
    return unitPriceCents * quantity;
  }
}
