package io.quire.namenode.datanodes;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks up the IP address of a host name (DNS in production; tests inject their own). */
@FunctionalInterface
public interface HostLookup {
  /** The system resolver ({@link InetAddress#getByName}): may block for as long as DNS does. */
  HostLookup DNS = host -> InetAddress.getByName(host).getHostAddress();

  /**
   * The textual IP address of {@code host}.
   *
   * @throws UnknownHostException when the name does not resolve
   */
  String addressOf(String host) throws UnknownHostException;
}
