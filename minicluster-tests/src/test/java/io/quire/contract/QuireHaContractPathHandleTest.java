package io.quire.contract;

import java.io.IOException;
import org.apache.hadoop.fs.Options;
import org.junit.BeforeClass;

/** Hadoop's PathHandle contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractPathHandleTest extends QuireContractPathHandleTest {

  public QuireHaContractPathHandleTest(String testname, Options.HandleOpt[] opts,
      boolean serialized) {
    super(testname, opts, serialized);
  }

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
