package io.quire.contract;

import java.io.IOException;
import org.junit.BeforeClass;

/** Hadoop's VectoredRead contract suite on an HA nameservice (quire://minins/). */
public class TestQuireHaContractVectoredRead extends TestQuireContractVectoredRead {

  public TestQuireHaContractVectoredRead(String bufferType) {
    super(bufferType);
  }

  @BeforeClass
  public static void createCluster() throws IOException {
    QuireContract.createHaCluster();
  }
}
