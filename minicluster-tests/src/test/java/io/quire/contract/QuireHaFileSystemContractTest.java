package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** FileSystemContractBaseTest on an HA nameservice (quire://minins/). */
public class QuireHaFileSystemContractTest extends QuireFileSystemContractTest {

  @BeforeClass
  public static void startCluster() throws IOException {
    startCluster(2);
  }
}
