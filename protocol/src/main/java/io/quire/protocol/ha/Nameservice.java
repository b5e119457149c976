package io.quire.protocol.ha;

import static io.quire.protocol.QuireConfigKeys.*;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.net.NetUtils;

/**
 * An HA nameservice as configured: its logical name and its 2 or 3 NameNodes, each with an id,
 * an RPC address ({@code quire.namenode.rpc-address.<ns>.<id>}) and an HTTP address
 * ({@code quire.namenode.http-address.<ns>.<id>}, optional). NameNodes, DataNodes and clients
 * all read it here, so they agree on who is in it.
 */
public record Nameservice(String name, List<Member> nameNodes) {
  /** The smallest and largest number of NameNodes in a nameservice. */
  public static final int MIN_NAMENODES = 2;
  public static final int MAX_NAMENODES = 3;

  /** One NameNode of the nameservice; {@code http} is null when not configured. */
  public record Member(String id, InetSocketAddress rpc, InetSocketAddress http) {}

  public Nameservice {
    nameNodes = List.copyOf(nameNodes);
  }

  /** The nameservice named in {@code quire.nameservices}, or empty (a single NameNode). */
  public static Optional<Nameservice> configured(Configuration conf) {
    String[] names = conf.getTrimmedStrings(NAMESERVICES_KEY);
    if (names.length == 0) {
      return Optional.empty();
    }
    if (names.length > 1) {
      throw new IllegalArgumentException(NAMESERVICES_KEY + " lists " + names.length
          + " nameservices (" + String.join(",", names) + "); Quire supports one");
    }
    return Optional.of(named(conf, names[0]));
  }

  /** Whether {@code name} is a nameservice with NameNode ids configured. */
  public static boolean isDefined(Configuration conf, String name) {
    return conf.getTrimmedStrings(NAMENODE_IDS_PREFIX + name).length > 0;
  }

  /**
   * The nameservice {@code name} as configured.
   *
   * @throws IllegalArgumentException naming the key that is missing or wrong
   */
  public static Nameservice named(Configuration conf, String name) {
    String idsKey = NAMENODE_IDS_PREFIX + name;
    String[] ids = conf.getTrimmedStrings(idsKey);
    if (ids.length < MIN_NAMENODES || ids.length > MAX_NAMENODES) {
      throw new IllegalArgumentException(idsKey + " must list " + MIN_NAMENODES + " or "
          + MAX_NAMENODES + " NameNode ids for nameservice " + name + ", not " + ids.length
          + (ids.length == 0 ? " (unset)" : " (" + String.join(",", ids) + ")"));
    }
    List<Member> members = new ArrayList<>(ids.length);
    for (String id : ids) {
      if (members.stream().anyMatch(m -> m.id().equals(id))) {
        throw new IllegalArgumentException(idsKey + " lists NameNode id " + id + " twice");
      }
      String rpcKey = rpcAddressKey(name, id);
      String rpc = conf.getTrimmed(rpcKey);
      if (rpc == null || rpc.isEmpty()) {
        throw new IllegalArgumentException(rpcKey + " is not set: NameNode " + id
            + " of nameservice " + name + " needs an RPC address");
      }
      String http = conf.getTrimmed(httpAddressKey(name, id));
      members.add(new Member(id,
          NetUtils.createSocketAddr(rpc, NAMENODE_RPC_PORT_DEFAULT, rpcKey),
          http == null || http.isEmpty() ? null
              : NetUtils.createSocketAddr(http, NAMENODE_HTTP_PORT_DEFAULT,
                  httpAddressKey(name, id))));
    }
    return new Nameservice(name, members);
  }

  public static String rpcAddressKey(String ns, String id) {
    return NAMENODE_RPC_ADDRESS_KEY + "." + ns + "." + id;
  }

  public static String httpAddressKey(String ns, String id) {
    return NAMENODE_HTTP_ADDRESS_KEY + "." + ns + "." + id;
  }

  /** The NameNode with {@code id}. */
  public Member member(String id) {
    for (Member m : nameNodes) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("nameservice " + name + " has no NameNode " + id
        + " (its NameNodes: " + ids() + ")");
  }

  public List<String> ids() {
    return nameNodes.stream().map(Member::id).toList();
  }

  public List<InetSocketAddress> rpcAddresses() {
    return nameNodes.stream().map(Member::rpc).toList();
  }

  /**
   * This process's NameNode id: {@code quire.namenode.id} when set (it must be a member), else
   * the one member whose RPC address is an address of this machine.
   *
   * @throws IllegalArgumentException when neither or several members match
   */
  public String localId(Configuration conf) {
    String id = conf.getTrimmed(NAMENODE_ID_KEY);
    if (id != null && !id.isEmpty()) {
      member(id);
      return id;
    }
    List<String> local = new ArrayList<>();
    for (Member m : nameNodes) {
      if (m.rpc().getAddress() != null && NetUtils.isLocalAddress(m.rpc().getAddress())) {
        local.add(m.id());
      }
    }
    if (local.size() != 1) {
      throw new IllegalArgumentException("cannot tell which NameNode of nameservice " + name
          + " this is: " + (local.isEmpty() ? "no" : local.size()) + " of " + ids()
          + " has a local RPC address" + (local.isEmpty() ? "" : " (" + local + ")")
          + "; start it with -D" + NAMENODE_ID_KEY + "=<id>");
    }
    return local.get(0);
  }
}
