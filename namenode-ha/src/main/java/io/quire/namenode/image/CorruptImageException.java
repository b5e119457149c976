package io.quire.namenode.image;

import java.io.IOException;

/** A checkpoint file is damaged (bad magic, length or CRC) and no older valid checkpoint exists. */
public class CorruptImageException extends IOException {
  private static final long serialVersionUID = 1L;

  public CorruptImageException(String message) {
    super(message);
  }

  public CorruptImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
