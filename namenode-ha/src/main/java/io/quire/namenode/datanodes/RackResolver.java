package io.quire.namenode.datanodes;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.net.DNSToSwitchMapping;
import org.apache.hadoop.net.NetworkTopology;
import org.apache.hadoop.net.ScriptBasedMapping;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * Resolves a DataNode's rack through Hadoop's topology mapping, configured as in HDFS by
 * {@code net.topology.node.switch.mapping.impl} (default ScriptBasedMapping, which without
 * {@code net.topology.script.file.name} puts every node on /default-rack; TableMapping reads
 * {@code net.topology.table.file.name}). The host name is tried first, then the IP address.
 */
public final class RackResolver {
  public static final String DEFAULT_RACK = NetworkTopology.DEFAULT_RACK;

  private final DNSToSwitchMapping mapping;

  public RackResolver(DNSToSwitchMapping mapping) {
    this.mapping = mapping;
  }

  /** The mapping {@code conf} names, instantiated with {@code conf}. */
  public static RackResolver from(Configuration conf) {
    Class<? extends DNSToSwitchMapping> type = conf.getClass(
        CommonConfigurationKeysPublic.NET_TOPOLOGY_NODE_SWITCH_MAPPING_IMPL_KEY,
        ScriptBasedMapping.class, DNSToSwitchMapping.class);
    return new RackResolver(ReflectionUtils.newInstance(type, conf));
  }

  /** The rack of a node at {@code host} (name or IP) with IP {@code ip}. */
  public String resolve(String host, String ip) {
    String rack = resolveOne(host);
    if (DEFAULT_RACK.equals(rack) && ip != null && !ip.equals(host)) {
      rack = resolveOne(ip);
    }
    return rack;
  }

  private String resolveOne(String name) {
    List<String> racks = mapping.resolve(List.of(name));
    if (racks == null || racks.isEmpty() || racks.get(0) == null) {
      return DEFAULT_RACK;
    }
    return racks.get(0);
  }
}
