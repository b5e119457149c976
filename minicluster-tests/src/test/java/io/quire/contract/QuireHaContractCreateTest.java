package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Create contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractCreateTest extends QuireContractCreateTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
