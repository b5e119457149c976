package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's SetTimes contract suite on an HA nameservice (quire://minins/). */
public class TestQuireHaContractSetTimes extends TestQuireContractSetTimes {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
