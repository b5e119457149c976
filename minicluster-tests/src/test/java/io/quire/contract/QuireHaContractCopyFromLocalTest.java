package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's CopyFromLocal contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractCopyFromLocalTest extends QuireContractCopyFromLocalTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
