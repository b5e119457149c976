package io.quire.contract;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.contract.AbstractContractDeleteTest;
import org.apache.hadoop.fs.contract.AbstractFSContract;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/** Hadoop's Delete contract suite on quire://. */
public class QuireContractDeleteTest extends AbstractContractDeleteTest {

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
