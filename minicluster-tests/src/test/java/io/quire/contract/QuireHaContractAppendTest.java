package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Append contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractAppendTest extends QuireContractAppendTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
