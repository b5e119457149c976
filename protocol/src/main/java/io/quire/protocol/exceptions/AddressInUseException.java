package io.quire.protocol.exceptions;

import java.net.BindException;

/**
 * A server could not listen on one of its addresses because the port is taken. Names the
 * address and the configuration key that sets it, so the one-line start-up error
 * ({@link StartupFailure}) tells which setting to change when a server has several ports
 * (a DataNode's data and HTTP ports).
 */
public class AddressInUseException extends BindException {
  private static final long serialVersionUID = 1L;

  private final String address;
  private final String key;

  public AddressInUseException(String address, String key, String message) {
    super(address + ": " + message);
    this.address = address;
    this.key = key;
  }

  /** The address that could not be bound, as configured. */
  public String address() {
    return address;
  }

  /** The configuration key that sets {@link #address()}. */
  public String key() {
    return key;
  }
}
