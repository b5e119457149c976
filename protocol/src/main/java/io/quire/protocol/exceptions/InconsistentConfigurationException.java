package io.quire.protocol.exceptions;

import java.io.IOException;

/**
 * Two daemons of one cluster disagree on a setting they must share (block access tokens on a
 * NameNode and a DataNode): the later one refuses to work with the other. The message names
 * the key to align.
 */
public class InconsistentConfigurationException extends IOException {
  private static final long serialVersionUID = 1L;

  public InconsistentConfigurationException(String message) {
    super(message);
  }
}
