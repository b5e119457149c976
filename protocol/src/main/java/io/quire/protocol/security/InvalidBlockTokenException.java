package io.quire.protocol.security;

import java.io.IOException;

/**
 * A data-transfer op was refused for its block access token (none, bad signature, unknown key,
 * expired, another block, or a mode that does not allow the op). A reader fetches the block's
 * locations (with fresh tokens) again; a writer asks the NameNode for a fresh token.
 */
public class InvalidBlockTokenException extends IOException {
  private static final long serialVersionUID = 1L;

  public InvalidBlockTokenException(String message) {
    super(message);
  }
}
