package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's LeaseRecovery contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractLeaseRecoveryTest extends QuireContractLeaseRecoveryTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
