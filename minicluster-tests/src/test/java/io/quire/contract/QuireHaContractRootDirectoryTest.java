package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's RootDirectory contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractRootDirectoryTest extends QuireContractRootDirectoryTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
