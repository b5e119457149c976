package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's Rename contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractRenameTest extends QuireContractRenameTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
