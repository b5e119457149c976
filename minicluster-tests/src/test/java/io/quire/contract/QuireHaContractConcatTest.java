package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Concat contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractConcatTest extends QuireContractConcatTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
