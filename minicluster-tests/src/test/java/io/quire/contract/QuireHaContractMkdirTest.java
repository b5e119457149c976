package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Mkdir contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractMkdirTest extends QuireContractMkdirTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
