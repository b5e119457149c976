package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Open contract suite on an HA nameservice (quire://minins/). */
public class TestQuireHaContractOpen extends TestQuireContractOpen {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
