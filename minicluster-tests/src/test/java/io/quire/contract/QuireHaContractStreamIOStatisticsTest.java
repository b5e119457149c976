package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's StreamIOStatistics contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractStreamIOStatisticsTest extends QuireContractStreamIOStatisticsTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
