package io.quire.jobs.model;

import java.io.IOException;

/** An order record that cannot be used, with the reason the jobs count it under. */
public class MalformedOrderException extends IOException {
  private static final long serialVersionUID = 1L;
  private final MalformedReason reason;

  public MalformedOrderException(MalformedReason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public MalformedReason reason() {
    return reason;
  }
}
