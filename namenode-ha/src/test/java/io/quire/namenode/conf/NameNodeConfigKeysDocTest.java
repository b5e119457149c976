package io.quire.namenode.conf;

import io.quire.testing.ConfigKeyTable;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The key table in namenode-ha/CONFIGURATION.md and {@link NameNodeConfigKeys} agree. */
class NameNodeConfigKeysDocTest {
  @Test
  void tableListsEveryKeyWithItsDefault() throws IOException {
    ConfigKeyTable.in(Path.of("CONFIGURATION.md")).assertMatches(NameNodeConfigKeys.class);
  }
}
