package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Etag contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractEtagTest extends QuireContractEtagTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
