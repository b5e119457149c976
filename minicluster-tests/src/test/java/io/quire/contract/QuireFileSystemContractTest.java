package io.quire.contract;

import io.quire.minicluster.MiniQuireCluster;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeys;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystemContractBaseTest;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Hadoop's older FileSystemContractBaseTest on quire://, set up as HDFS sets it up
 * (TestHDFSFileSystemContract), with one cluster for the class instead of one per test.
 */
public class QuireFileSystemContractTest extends FileSystemContractBaseTest {
  private static MiniQuireCluster cluster;

  @BeforeClass
  public static void startCluster() throws IOException {
    startCluster(1);
  }

  /** {@code nameNodes} 2: the HA binding ({@link QuireHaFileSystemContractTest}). */
  static void startCluster(int nameNodes) throws IOException {
    Configuration conf = new Configuration();
    conf.set(CommonConfigurationKeys.FS_PERMISSIONS_UMASK_KEY,
        FileSystemContractBaseTest.TEST_UMASK);
    cluster = MiniQuireCluster.builder(conf).nameNodes(nameNodes).numDataNodes(2).build();
  }

  @AfterClass
  public static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  @Before
  public void setUp() throws Exception {
    fs = cluster.getFileSystem();
  }

  @Override
  protected String getDefaultWorkingDirectory() {
    try {
      return "/user/" + UserGroupInformation.getCurrentUser().getShortUserName();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected int getGlobalTimeout() {
    return 60 * 1000;
  }

  /** Append as HDFS's contract test checks it: data written in two sessions reads back whole. */
  @Test
  public void testAppend() throws IOException {
    Path p = path("/testAppend/f");
    byte[] first = dataset(3000, 'a', 26);
    byte[] second = dataset(2000, 'A', 26);
    try (FSDataOutputStream out = fs.create(p, true)) {
      out.write(first);
    }
    try (FSDataOutputStream out = fs.append(p)) {
      out.write(second);
    }
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    org.apache.hadoop.fs.contract.ContractTestUtils.verifyFileContents(fs, p, all);
  }
}
