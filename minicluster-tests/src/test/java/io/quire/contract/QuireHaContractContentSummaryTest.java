package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's ContentSummary contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractContentSummaryTest extends QuireContractContentSummaryTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
