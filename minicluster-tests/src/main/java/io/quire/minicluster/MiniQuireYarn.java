package io.quire.minicluster;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * A YARN cluster whose default file system is a running {@link MiniQuireCluster}: Hadoop's
 * MiniMRYarnCluster (a ResourceManager, one NodeManager with the MapReduce shuffle, a JobHistory
 * server) in this JVM, job staging and history on {@code quire://}. Its client side is
 * {@link YarnClientSite}: what {@code yarn-site.xml} and {@code mapred-site.xml} tell a
 * submitting JVM.
 *
 * <p>Container classpath. MiniMRYarnCluster sets {@code yarn.is.minicluster}, and with that
 * flag MapReduce (MRApps.setMRFrameworkClasspath) copies the submitting JVM's own
 * {@code java.class.path} into every container: it works only because the test JVM and the
 * containers share one disk and one classpath. The client site written here leaves the flag
 * out, so containers are built as on a real cluster: {@code $PWD/*} (the job jar and the
 * {@code -libjars} of the job, localized by the NodeManager) plus
 * {@code yarn.application.classpath}, the NodeManager host's installation. Here that is the
 * {@link Builder#nodeClasspath node classpath}, by default this JVM's classpath (Hadoop and the
 * Quire client jars), as {@code $HADOOP_COMMON_HOME/share/hadoop/common/lib/*} holds them on a
 * real cluster. The NodeManager itself needs the Quire FileSystem too: it downloads the job
 * jar, job.xml and the distributed cache from the staging directory on quire://, with a
 * Configuration read from its classpath (ContainerLocalizer), so a logical HA URI
 * ({@code quire://minins/}) is not supported here.
 */
public final class MiniQuireYarn implements Closeable {
  private final MiniMRYarnCluster yarn;
  private final YarnClientSite site;

  private MiniQuireYarn(MiniMRYarnCluster yarn, YarnClientSite site) {
    this.yarn = yarn;
    this.site = site;
  }

  /** @param quire the running cluster whose URI becomes the YARN cluster's fs.defaultFS */
  public static Builder builder(MiniQuireCluster quire) {
    return new Builder(quire);
  }

  /** Builds and starts a {@link MiniQuireYarn}. */
  public static final class Builder {
    private final MiniQuireCluster quire;
    private String name = "minicluster-yarn";
    private File dataDir;
    private List<String> nodeClasspath =
        Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));

    private Builder(MiniQuireCluster quire) {
      this.quire = quire;
    }

    /**
     * The YARN cluster's name; its NodeManager directories and container logs are in a new
     * directory under {@code DIR/NAME}, DIR being {@link #dataDir} or else
     * {@code ./target/test-data} (MiniYARNCluster's choice).
     */
    public Builder name(String n) {
      this.name = n;
      return this;
    }

    /**
     * Puts YARN's directories under {@code dir}. MiniYARNCluster reads the place from the
     * system property {@code test.build.data}, so this sets it for the whole JVM: for a
     * command-line cluster, not for tests running side by side.
     */
    public Builder dataDir(File dir) {
      this.dataDir = dir.getAbsoluteFile();
      return this;
    }

    /** The NodeManager host's installation: the containers' yarn.application.classpath. */
    public Builder nodeClasspath(List<String> entries) {
      this.nodeClasspath = List.copyOf(entries);
      return this;
    }

    /** @throws IllegalArgumentException on an HA nameservice (see {@link MiniQuireYarn}) */
    public MiniQuireYarn build() throws IOException {
      if (quire.isHa()) {
        throw new IllegalArgumentException("mini YARN cluster: needs a single NameNode; the"
            + " NodeManager localizes with the core-site.xml on its classpath, which cannot"
            + " name the nameservice " + quire.getURI());
      }
      // The Quire cluster's configuration (with the command line's -D) plus YARN's settings.
      Configuration c = quire.getConfiguration();
      YarnClientSite.configureCluster(c, nodeClasspath);
      if (dataDir != null) {
        System.setProperty("test.build.data", dataDir.getPath());
      }
      MiniMRYarnCluster yarn = new MiniMRYarnCluster(name, 1);
      try {
        yarn.init(c);
        yarn.start();
      } catch (RuntimeException e) {
        yarn.stop();
        StringBuilder why = new StringBuilder(e.toString());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
          why.append("; caused by ").append(t);
        }
        throw new IOException("mini YARN cluster " + name + " did not start: " + why, e);
      }
      return new MiniQuireYarn(yarn, YarnClientSite.of(yarn.getConfig()));
    }
  }

  /** What a client needs to submit here (addresses, staging, container sizes, classpath). */
  public YarnClientSite clientSite() {
    return site;
  }

  /** The ResourceManager's client address, host:port. */
  public String resourceManagerAddress() {
    return yarn.getConfig().get(YarnConfiguration.RM_ADDRESS);
  }

  /** Where NodeManager directories and container logs are. */
  public File workDir() {
    return yarn.getTestWorkDir();
  }

  /** Stops the JobHistory server, NodeManager and ResourceManager; their files stay. */
  @Override
  public void close() {
    yarn.stop();
  }
}
