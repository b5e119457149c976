package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's SafeMode contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractSafeModeTest extends QuireContractSafeModeTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
