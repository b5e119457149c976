package io.quire.minicluster;

import io.quire.namenode.NameNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Runs a NameNode in its own JVM for {@link ForkedDaemon}: loads the configuration file given
 * as the only argument, starts, prints {@code READY <port>} and runs until killed.
 */
public final class ForkedNameNodeMain {
  private ForkedNameNodeMain() {}

  public static void main(String[] args) throws Exception {
    Configuration conf = new Configuration();
    conf.addResource(new Path(args[0]));
    NameNode nn = new NameNode();
    nn.init(conf);
    nn.start();
    System.out.println("READY " + nn.getRpcAddress().getPort());
    System.out.flush();
    Thread.currentThread().join();
  }
}
