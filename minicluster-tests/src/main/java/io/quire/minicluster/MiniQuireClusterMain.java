package io.quire.minicluster;

import io.quire.namenode.conf.NameNodeConfigKeys;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.GenericOptionsParser;

/**
 * {@code quire minicluster --datanodes N [--namenodes 1|2|3] [--zookeepers 1|3] --conf-out FILE
 * [--base-dir DIR] [--port P] [--yarn]}: starts an in-process cluster (with 2-3 NameNodes an HA
 * nameservice on an embedded ZooKeeper), writes a client configuration (core-site style:
 * fs.defaultFS, fs.quire.impl, fs.AbstractFileSystem.quire.impl, and the nameservice's keys for
 * the logical URI) to FILE, and runs until stopped (SIGINT or SIGTERM), like Hadoop's CLI
 * MiniCluster. With {@code --yarn} also a YARN cluster on it ({@link MiniQuireYarn}: a
 * ResourceManager, a NodeManager, a JobHistory server) whose {@code yarn-site.xml} and
 * {@code mapred-site.xml} are written next to FILE (before FILE, which scripts wait for); not
 * with an HA nameservice, whose logical URI YARN's NodeManager could only resolve through a
 * core-site.xml on its classpath.
 */
public final class MiniQuireClusterMain {
  private MiniQuireClusterMain() {}

  public static void main(String[] args) throws Exception {
    Configuration conf = new Configuration();
    String[] rest = new GenericOptionsParser(conf, args).getRemainingArgs();
    int dataNodes = 3;
    File confOut = null;
    File baseDir = new File("target/minicluster").getAbsoluteFile();
    int port = 0;
    int nameNodes = 1;
    int zkServers = 1;
    boolean withYarn = false;
    for (int i = 0; i < rest.length; i++) {
      switch (rest[i]) {
        case "--namenodes" -> nameNodes = Integer.parseInt(value(rest, ++i, "--namenodes"));
        case "--zookeepers" -> zkServers = Integer.parseInt(value(rest, ++i, "--zookeepers"));
        case "--datanodes" -> dataNodes = Integer.parseInt(value(rest, ++i, "--datanodes"));
        case "--conf-out" -> confOut = new File(value(rest, ++i, "--conf-out"));
        case "--base-dir" -> baseDir = new File(value(rest, ++i, "--base-dir")).getAbsoluteFile();
        case "--port" -> port = Integer.parseInt(value(rest, ++i, "--port"));
        case "--yarn" -> withYarn = true;
        default -> usage("unknown argument " + rest[i]);
      }
    }
    if (dataNodes < 1) {
      usage("--datanodes must be at least 1");
    }
    if (nameNodes < 1 || nameNodes > 3) {
      usage("--namenodes must be 1, 2 or 3");
    }
    if (zkServers != 1 && zkServers != 3) {
      usage("--zookeepers must be 1 or 3");
    }
    if (withYarn && nameNodes > 1) {
      // The NodeManager localizes job files with a Configuration read from its classpath
      // (ContainerLocalizer), which cannot name this JVM's nameservice.
      usage("--yarn runs on a single NameNode: leave out --namenodes " + nameNodes);
    }
    if (nameNodes > 1) {
      // A laptop cluster: the default session timeout, not the tests' short one.
      conf.setIfUnset(NameNodeConfigKeys.HA_ZK_SESSION_TIMEOUT_KEY,
          Integer.toString(NameNodeConfigKeys.HA_ZK_SESSION_TIMEOUT_DEFAULT));
    }
    MiniQuireCluster cluster = MiniQuireCluster.builder(conf).numDataNodes(dataNodes)
        .nameNodes(nameNodes).zooKeeperServers(zkServers)
        .baseDir(baseDir).nameNodePort(port).build();
    MiniQuireYarn yarn = null;
    if (withYarn) {
      try {
        yarn = MiniQuireYarn.builder(cluster).name("yarn").dataDir(baseDir).build();
      } catch (IOException | RuntimeException | LinkageError e) {
        cluster.close(); // or its threads keep the JVM alive after main fails
        System.err.println("minicluster: the YARN cluster did not start: " + e);
        System.exit(1);
      }
    }
    MiniQuireYarn yarnToStop = yarn;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (yarnToStop != null) {
        yarnToStop.close();
      }
      cluster.close();
      stopped.countDown();
    }, "minicluster-shutdown"));
    // The URI line first, then the configuration file: scripts wait for the file and then read
    // the URI from the output, so the line must already be there.
    System.out.println("Quire mini cluster running: " + cluster.getURI() + " with "
        + (nameNodes > 1 ? nameNodes + " NameNodes (ZooKeeper at "
            + cluster.getZooKeeper().connectString() + "), " : "") + dataNodes
        + " DataNodes, storage in " + baseDir
        + (confOut != null ? ", client configuration in " + confOut.getAbsolutePath() : ""));
    StringBuilder web = new StringBuilder("Web UI: NameNode");
    for (int i = 0; i < nameNodes; i++) {
      web.append(" http://localhost:").append(cluster.getNameNodeHttpAddress(i).getPort())
          .append('/');
    }
    web.append(", DataNode");
    for (int i = 0; i < dataNodes; i++) {
      web.append(" http://127.0.0.1:").append(cluster.getDataNodeHttpAddress(i).getPort())
          .append('/');
    }
    System.out.println(web);
    if (yarn != null) {
      YarnClientSite site = yarn.clientSite();
      Configuration c = site.applyTo(new Configuration(false));
      System.out.println("YARN: ResourceManager " + yarn.resourceManagerAddress() + " (web "
          + c.get("yarn.resourcemanager.webapp.address") + "), JobHistory "
          + c.get("mapreduce.jobhistory.address") + ", container logs in " + yarn.workDir()
          + "; submit with -D mapreduce.framework.name=yarn");
    }
    System.out.println("Stop it with Ctrl-C (or SIGTERM).");
    System.out.flush();
    if (confOut != null) {
      if (yarn != null) {
        yarn.clientSite().write(confOut.getAbsoluteFile().getParentFile());
      }
      writeClientConf(cluster, confOut);
    }
    stopped.await();
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      usage(flag + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println("minicluster: " + problem);
    System.err.println("usage: quire minicluster [--datanodes N] [--namenodes 1|2|3]"
        + " [--zookeepers 1|3] [--conf-out FILE] [--base-dir DIR] [--port P] [--yarn]");
    System.exit(2);
  }

  /** Writes the client side of the cluster's configuration, atomically (temp then rename). */
  public static void writeClientConf(MiniQuireCluster cluster, File out) throws IOException {
    Configuration client = new Configuration(false);
    client.set(FileSystem.FS_DEFAULT_NAME_KEY, cluster.getURI().toString());
    client.set("fs.quire.impl", "io.quire.fs.QuireFileSystem");
    client.set("fs.AbstractFileSystem.quire.impl", "io.quire.fs.QuireFs");
    if (cluster.isHa()) {
      // The logical URI needs the nameservice's NameNodes.
      Configuration all = cluster.getConfiguration();
      for (String key : new String[] {io.quire.protocol.QuireConfigKeys.NAMESERVICES_KEY,
          io.quire.protocol.QuireConfigKeys.NAMENODE_IDS_PREFIX + MiniQuireCluster.NAMESERVICE}) {
        client.set(key, all.get(key));
      }
      for (String id : all.getTrimmedStrings(
          io.quire.protocol.QuireConfigKeys.NAMENODE_IDS_PREFIX + MiniQuireCluster.NAMESERVICE)) {
        String rpc = io.quire.protocol.ha.Nameservice.rpcAddressKey(MiniQuireCluster.NAMESERVICE,
            id);
        String http = io.quire.protocol.ha.Nameservice.httpAddressKey(
            MiniQuireCluster.NAMESERVICE, id);
        client.set(rpc, all.get(rpc));
        client.set(http, all.get(http));
      }
    }
    SiteFile.write(client, out);
  }
}
