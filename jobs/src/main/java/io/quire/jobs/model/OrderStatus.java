package io.quire.jobs.model;

import java.util.Locale;

/** Final status of an order. Only completed orders count as revenue. */
public enum OrderStatus {
  COMPLETED, CANCELLED, REFUNDED;

  /** The lower-case form used in the archive and in exports. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the archive form.
   *
   * @throws MalformedOrderException with {@link MalformedReason#BAD_STATUS} for anything else
   */
  public static OrderStatus parse(String s) throws MalformedOrderException {
    if (s != null) {
      for (OrderStatus st : values()) {
        if (st.wireName().equals(s)) {
          return st;
        }
      }
    }
    throw new MalformedOrderException(MalformedReason.BAD_STATUS, "unknown status '" + s + "'");
  }
}
