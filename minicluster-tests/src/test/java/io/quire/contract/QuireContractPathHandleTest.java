package io.quire.contract;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.contract.AbstractContractPathHandleTest;
import org.apache.hadoop.fs.contract.AbstractFSContract;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.apache.hadoop.fs.Options;
/** Hadoop's PathHandle contract suite on quire://. */
public class QuireContractPathHandleTest extends AbstractContractPathHandleTest {

  public QuireContractPathHandleTest(String testname, Options.HandleOpt[] opts,
      boolean serialized) {
    super(testname, opts, serialized);
  }

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createCluster();
  }

  @AfterClass
  public static void destroyCluster() {
    QuireContract.destroyCluster();
  }

  @Override
  protected AbstractFSContract createContract(Configuration conf) {
    return new QuireContract(conf);
  }
}
