package io.quire.contract;

import io.quire.minicluster.MiniQuireCluster;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.contract.AbstractFSContract;

/**
 * Binds Hadoop's FileSystem contract suites to a {@link MiniQuireCluster}: one cluster per test
 * class (started in @BeforeClass, stopped in @AfterClass), capabilities from
 * {@code contract/quire.xml}. Each suite has a second binding, {@code QuireHaContract<Op>Test},
 * on an HA nameservice through its logical URI ({@link #createHaCluster}).
 */
public class QuireContract extends AbstractFSContract {
  public static final String CONTRACT_XML = "contract/quire.xml";
  /** Small blocks so that the suites' files span several blocks, as HDFS's tests do. */
  public static final int BLOCK_SIZE = 1024;

  private static MiniQuireCluster cluster;

  public QuireContract(Configuration conf) {
    super(conf);
    addConfResource(CONTRACT_XML);
  }

  /** Starts the shared cluster for a test class. */
  public static synchronized void createCluster() throws IOException {
    createCluster(1);
  }

  /**
   * Starts the shared cluster of an HA binding: two NameNodes of nameservice
   * {@link MiniQuireCluster#NAMESERVICE}, reached through the logical URI quire://minins/.
   */
  public static synchronized void createHaCluster() throws IOException {
    createCluster(2);
  }

  private static void createCluster(int nameNodes) throws IOException {
    Configuration conf = new Configuration();
    conf.addResource(CONTRACT_XML);
    conf.setLong(io.quire.protocol.QuireConfigKeys.BLOCK_SIZE_KEY, BLOCK_SIZE);
    cluster = MiniQuireCluster.builder(conf).nameNodes(nameNodes).numDataNodes(3).build();
  }

  public static synchronized void destroyCluster() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  public static synchronized MiniQuireCluster getCluster() {
    return cluster;
  }

  @Override
  public void init() throws IOException {
    super.init();
    if (cluster == null) {
      throw new IllegalStateException("QuireContract.createCluster() was not called");
    }
  }

  @Override
  public FileSystem getTestFileSystem() throws IOException {
    return cluster.getFileSystem();
  }

  @Override
  public String getScheme() {
    return "quire";
  }

  @Override
  public Path getTestPath() {
    return new Path("/test");
  }
}
