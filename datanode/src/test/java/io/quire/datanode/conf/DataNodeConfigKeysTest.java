package io.quire.datanode.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.ConfigKeyTable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class DataNodeConfigKeysTest {
  @Test
  void documentedTableMatchesTheKeysClass() throws IOException {
    ConfigKeyTable.in(Path.of("CONFIGURATION.md")).keysStartingWith("quire.datanode.")
        .assertMatches(DataNodeConfigKeys.class);
  }

  @Test
  void optionsNeedDataDirsAndReadDefaults() {
    Configuration c = new Configuration(false);
    assertThrows(IllegalArgumentException.class, () -> DataNodeOptions.from(c));
    c.set(DataNodeConfigKeys.DATA_DIR_KEY, "/a, /b");
    DataNodeOptions o = DataNodeOptions.from(c);
    assertEquals(2, o.dataDirs().size());
    assertEquals(8710, o.bindAddress().getPort());
    assertEquals(DataNodeConfigKeys.BLOCKREPORT_INTERVAL_DEFAULT, o.blockReportIntervalMs());
    assertTrue(o.syncOnClose());
    assertTrue(o.toString().contains("transferThreads=1024"));
    assertEquals(480_000, o.writeTimeoutMs(0));
    assertEquals(480_000 + 2 * 5_000, o.writeTimeoutMs(2), "one extension per downstream node");
    c.setInt(DataNodeConfigKeys.SOCKET_WRITE_TIMEOUT_KEY, 0);
    assertEquals(0, DataNodeOptions.from(c).writeTimeoutMs(2), "0: no write timeout");
  }

  @Test
  void bufferBudgetMustHoldOneLargestPacket() {
    Configuration c = new Configuration(false);
    c.set(DataNodeConfigKeys.DATA_DIR_KEY, "/a");
    assertEquals(4 * 1024 * 1024, DataNodeOptions.from(c).maxPacketSize());
    assertEquals(256L << 20, DataNodeOptions.from(c).bufferBudget());
    c.set(DataNodeConfigKeys.TRANSFER_BUFFER_BUDGET_KEY, "1m");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataNodeOptions.from(c));
    assertTrue(e.getMessage().contains(DataNodeConfigKeys.TRANSFER_BUFFER_BUDGET_KEY),
        e.getMessage());
    c.setInt(DataNodeConfigKeys.TRANSFER_MAX_PACKET_SIZE_KEY, 512 * 1024);
    assertEquals(1 << 20, DataNodeOptions.from(c).bufferBudget());
    c.setInt(DataNodeConfigKeys.TRANSFER_MAX_PACKET_SIZE_KEY, 8 * 1024 * 1024);
    assertThrows(IllegalArgumentException.class, () -> DataNodeOptions.from(c));
  }
}
