package io.quire.namenode;

import io.quire.namenode.conf.NameNodeOptions;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.exceptions.StartupFailure;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ExitUtil;
import org.apache.hadoop.util.GenericOptionsParser;

/**
 * {@code quire namenode -format [-force]} formats the name directory (and, in a nameservice,
 * the shared journal in ZooKeeper) and prints the cluster id; {@code quire namenode
 * -bootstrapStandby [-force]} prepares another NameNode of a running nameservice from a
 * checkpoint of a running one; {@code quire namenode} runs the NameNode until killed (a
 * shutdown hook stops it).
 * Configuration: Hadoop defaults plus {@code quire-site.xml} on the class path, then generic
 * options ({@code -D key=value}: ports and directories of one of several NameNodes on a host).
 * Errors end the process with status 1 and a one-line message.
 */
public final class NameNodeMain {
  private NameNodeMain() {}

  public static void main(String[] args) {
    Configuration conf = new Configuration();
    conf.addResource("quire-site.xml");
    try {
      args = new GenericOptionsParser(conf, args).getRemainingArgs();
    } catch (IOException e) {
      fail("namenode: " + e.getMessage());
      return;
    }
    if (args.length > 0 && !((args[0].equals("-format") || args[0].equals("-bootstrapStandby"))
        && (args.length == 1 || (args.length == 2 && args[1].equals("-force"))))) {
      fail("usage: quire namenode [-D key=value ...]"
          + " [-format [-force] | -bootstrapStandby [-force]]");
      return;
    }
    try {
      if (args.length > 0 && args[0].equals("-format")) {
        boolean force = args.length == 2;
        String id = NameNode.format(conf, force);
        System.out.println("Formatted " + NameNodeOptions.from(conf).nameDir()
            + " with cluster id " + id);
        return;
      }
      if (args.length > 0 && args[0].equals("-bootstrapStandby")) {
        long txId = NameNodeFormat.bootstrapStandby(conf, args.length == 2);
        System.out.println("Bootstrapped " + NameNodeOptions.from(conf).nameDir()
            + " from the checkpoint at txid " + txId);
        return;
      }
      NameNode nn = new NameNode();
      nn.init(conf);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        nn.stop();
        stopped.countDown();
      }, "NameNode-shutdown"));
      nn.start();
      if (nn.getFailureCause() != null) {
        throw nn.getFailureCause();
      }
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      fail(StartupFailure.oneLine("namenode", t, QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY
          + " / " + QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY));
    }
  }

  private static void fail(String message) {
    System.err.println(message);
    ExitUtil.terminate(1, message);
  }
}
