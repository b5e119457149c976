package io.quire.jobs.generate;

import io.quire.jobs.model.LineItem;
import java.util.List;

/** One order as generated, fields raw (status as the archive string). */
record GeneratedOrder(long orderId, long userId, long placedAt, String status, String city,
    List<LineItem> items) {
}
