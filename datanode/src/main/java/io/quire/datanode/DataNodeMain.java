package io.quire.datanode;

import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.protocol.exceptions.StartupFailure;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ExitUtil;
import org.apache.hadoop.util.GenericOptionsParser;
import org.apache.hadoop.util.ShutdownHookManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code quire datanode [generic options]}: runs a DataNode until it is stopped (SIGTERM runs
 * its shutdown hook). Configuration: Hadoop defaults, {@code quire-site.xml} on the class
 * path, then {@code -D key=value} (ports and directories of one of several DataNodes on a
 * host). A DataNode that cannot start ends the process with status 1 and one line on stderr
 * (the stack trace goes to the log at DEBUG).
 */
public final class DataNodeMain {
  private static final Logger LOG = LoggerFactory.getLogger(DataNodeMain.class);

  private DataNodeMain() { }

  public static void main(String[] args) {
    Configuration conf = new Configuration();
    conf.addResource("quire-site.xml");
    try {
      String[] rest = new GenericOptionsParser(conf, args).getRemainingArgs();
      if (rest.length > 0) {
        fail("usage: quire datanode [-D key=value ...] (unexpected argument '" + rest[0] + "')");
        return;
      }
      DataNode dn = new DataNode();
      ShutdownHookManager.get().addShutdownHook(dn::stop, 10);
      dn.init(conf);
      dn.start();
      if (dn.getFailureCause() != null) {
        throw dn.getFailureCause();
      }
      LOG.info("DataNode {} serving data on {}", dn.getDataNodeUuid(), dn.getDataAddress());
      dn.waitForServiceToStop(0);
    } catch (Throwable t) {
      LOG.debug("DataNode failed", t);
      fail(StartupFailure.oneLine("datanode", t, DataNodeConfigKeys.ADDRESS_KEY,
          conf.getTrimmed(DataNodeConfigKeys.ADDRESS_KEY, DataNodeConfigKeys.ADDRESS_DEFAULT)));
    }
  }

  private static void fail(String message) {
    System.err.println(message);
    ExitUtil.terminate(1, message);
  }
}
