package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Unbuffer contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractUnbufferTest extends QuireContractUnbufferTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
