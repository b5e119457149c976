package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's SetTimes contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractSetTimesTest extends QuireContractSetTimesTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
