package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Delete contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractDeleteTest extends QuireContractDeleteTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
