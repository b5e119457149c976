package io.quire.jobs.reference;

import java.util.List;

/** An order as the reference computation reads it; items are {book, quantity, cents}. */
public record RefOrder(long id, long user, long placedAt, String status, List<long[]> items) {
}
