package io.quire.contract;

import io.quire.fs.QuireBulkDelete;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.contract.AbstractContractBulkDeleteTest;
import org.apache.hadoop.fs.contract.AbstractFSContract;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/** Hadoop's BulkDelete contract suite on quire:// (pages of {@link QuireBulkDelete#PAGE_SIZE}). */
public class QuireContractBulkDeleteTest extends AbstractContractBulkDeleteTest {

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

  @Override
  protected int getExpectedPageSize() {
    return QuireBulkDelete.PAGE_SIZE;
  }
}
