package io.quire.contract;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.contract.AbstractContractAppendTest;
import org.apache.hadoop.fs.contract.AbstractFSContract;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/** Hadoop's Append contract suite on quire://. */
public class QuireContractAppendTest extends AbstractContractAppendTest {

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
