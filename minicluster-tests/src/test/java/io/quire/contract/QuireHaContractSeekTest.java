package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Seek contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractSeekTest extends QuireContractSeekTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
