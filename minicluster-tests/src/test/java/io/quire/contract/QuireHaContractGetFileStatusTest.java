package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's GetFileStatus contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractGetFileStatusTest extends QuireContractGetFileStatusTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
