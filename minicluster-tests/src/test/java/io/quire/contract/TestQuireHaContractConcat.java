package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Concat contract suite on an HA nameservice (quire://minins/). */
public class TestQuireHaContractConcat extends TestQuireContractConcat {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
