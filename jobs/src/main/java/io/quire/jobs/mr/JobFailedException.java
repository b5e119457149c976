package io.quire.jobs.mr;

import java.io.IOException;

/** A MapReduce job that ran and did not succeed; the message names the job and its state. */
public class JobFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  public JobFailedException(String message) {
    super(message);
  }
}
