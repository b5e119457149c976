package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's MultipartUploader contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractMultipartUploaderTest extends QuireContractMultipartUploaderTest {

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
