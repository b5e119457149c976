package io.quire.minicluster;

import io.quire.datanode.DataNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Runs a DataNode in its own JVM for {@link ForkedDaemon}: loads the configuration file given
 * as the only argument, starts, prints {@code READY <data port> <DataNode uuid>} and runs until
 * killed; SIGTERM stops it cleanly (shutdown hook).
 */
public final class ForkedDataNodeMain {
  private ForkedDataNodeMain() {}

  public static void main(String[] args) throws Exception {
    Configuration conf = new Configuration();
    conf.addResource(new Path(args[0]));
    DataNode dn = new DataNode();
    dn.init(conf);
    Runtime.getRuntime().addShutdownHook(new Thread(dn::stop, "datanode-stop"));
    dn.start();
    System.out.println("READY " + dn.getDataAddress().getPort() + " " + dn.getDataNodeUuid());
    System.out.flush();
    Thread.currentThread().join();
  }
}
