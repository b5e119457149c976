package io.quire.contract;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.contract.AbstractContractMultipartUploaderTest;
import org.apache.hadoop.fs.contract.AbstractFSContract;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/** Hadoop's MultipartUploader contract suite on quire://. */
public class QuireContractMultipartUploaderTest extends AbstractContractMultipartUploaderTest {

  @Override
  protected int partSizeInBytes() {
    return 1024;
  }

  @Override
  protected boolean finalizeConsumesUploadIdImmediately() {
    return true;
  }

  @Override
  protected boolean supportsConcurrentUploadsToSamePath() {
    return true;
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
