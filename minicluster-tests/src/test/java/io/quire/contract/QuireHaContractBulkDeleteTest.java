package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's BulkDelete contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractBulkDeleteTest extends QuireContractBulkDeleteTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
