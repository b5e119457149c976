package io.quire.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.protocol.QuireConfigKeys;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {
  @Test
  void defaultsComeFromTheKeysClass() {
    ClientOptions o = ClientOptions.from(new Configuration(false));
    assertEquals(ClientConfigKeys.PACKET_SIZE_DEFAULT, o.packetSize());
    assertEquals(64 * 1024, o.packetSize());
    assertEquals(ClientConfigKeys.MAX_PACKETS_IN_FLIGHT_DEFAULT, o.maxPacketsInFlight());
    assertEquals(ClientConfigKeys.LEASE_RENEW_INTERVAL_DEFAULT, o.leaseRenewIntervalMs());
    assertEquals(QuireConfigKeys.BLOCK_SIZE_DEFAULT, o.defaultBlockSize());
    assertEquals(QuireConfigKeys.REPLICATION_DEFAULT, o.defaultReplication());
    assertTrue(o.verifyChecksum());
  }

  @Test
  void configuredValuesOverrideDefaults() {
    Configuration conf = new Configuration(false);
    conf.setInt(ClientConfigKeys.PACKET_SIZE_KEY, 8192);
    conf.setInt(ClientConfigKeys.MAX_PACKETS_IN_FLIGHT_KEY, 4);
    conf.set(QuireConfigKeys.BLOCK_SIZE_KEY, "1m");
    conf.setInt(QuireConfigKeys.REPLICATION_KEY, 2);
    conf.setBoolean(ClientConfigKeys.VERIFY_CHECKSUM_KEY, false);
    conf.setInt(ClientConfigKeys.COMPLETE_RETRIES_KEY, 3);
    ClientOptions o = ClientOptions.from(conf);
    assertEquals(8192, o.packetSize());
    assertEquals(4, o.maxPacketsInFlight());
    assertEquals(1024 * 1024, o.defaultBlockSize());
    assertEquals(2, o.defaultReplication());
    assertFalse(o.verifyChecksum());
    assertEquals(3, o.completeRetries());
    assertTrue(o.toString().contains("packetSize=8192"));
  }

  @Test
  void writeTimeoutGrowsByOneExtensionPerPipelineNode() {
    ClientOptions d = ClientOptions.from(new Configuration(false));
    assertEquals(480_000, d.writeTimeoutMs(0));
    assertEquals(480_000 + 3 * 5_000, d.writeTimeoutMs(3));
    Configuration conf = new Configuration(false);
    conf.setInt(ClientConfigKeys.SOCKET_WRITE_TIMEOUT_KEY, 1000);
    conf.setInt(QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_KEY, 10);
    assertEquals(1020, ClientOptions.from(conf).writeTimeoutMs(2));
    conf.setInt(ClientConfigKeys.SOCKET_WRITE_TIMEOUT_KEY, 0);
    assertEquals(0, ClientOptions.from(conf).writeTimeoutMs(3), "0: no timeout");
  }

  @Test
  void packetSizeMustBeAMultipleOfTheChunkSize() {
    Configuration conf = new Configuration(false);
    conf.setInt(ClientConfigKeys.PACKET_SIZE_KEY, 1000);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClientOptions.from(conf));
    assertTrue(e.getMessage().contains(ClientConfigKeys.PACKET_SIZE_KEY));
    conf.setInt(ClientConfigKeys.PACKET_SIZE_KEY, 8 * 1024 * 1024);
    e = assertThrows(IllegalArgumentException.class, () -> ClientOptions.from(conf));
    assertTrue(e.getMessage().contains("up to 4194304"), e.getMessage());
    conf.setInt(ClientConfigKeys.PACKET_SIZE_KEY, 4 * 1024 * 1024);
    assertEquals(4 * 1024 * 1024, ClientOptions.from(conf).packetSize());
  }
}
