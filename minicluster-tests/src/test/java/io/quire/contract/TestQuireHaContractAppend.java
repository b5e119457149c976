package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Append contract suite on an HA nameservice (quire://minins/). */
public class TestQuireHaContractAppend extends TestQuireContractAppend {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
