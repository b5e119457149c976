package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's VectoredRead contract suite on an HA nameservice (quire://minins/). */
public class QuireHaContractVectoredReadTest extends QuireContractVectoredReadTest {

  public QuireHaContractVectoredReadTest(String bufferType) {
    super(bufferType);
  }

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
