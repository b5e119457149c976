package io.quire.minicluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The client side of a {@link MiniQuireYarn} cluster, as Hadoop reads it from
 * {@code yarn-site.xml} and {@code mapred-site.xml}: where the ResourceManager and the
 * JobHistory server listen, where jobs are staged and their history kept (on the cluster's
 * default file system, quire://), how big containers are, and what the NodeManager host's
 * installation puts on a container's classpath ({@code yarn.application.classpath}).
 * {@code mapreduce.framework.name} is left out: a client chooses YARN with
 * {@code -D mapreduce.framework.name=yarn} and runs locally otherwise.
 */
public final class YarnClientSite {
  /** Client keys of yarn-site.xml. */
  static final List<String> YARN_KEYS = List.of("yarn.resourcemanager.address",
      "yarn.resourcemanager.scheduler.address", "yarn.resourcemanager.admin.address",
      "yarn.resourcemanager.webapp.address", "yarn.application.classpath");
  /** Client keys of mapred-site.xml. */
  static final List<String> MAPRED_KEYS = List.of("mapreduce.jobhistory.address",
      "mapreduce.jobhistory.webapp.address", "yarn.app.mapreduce.am.staging-dir",
      "mapreduce.jobhistory.intermediate-done-dir", "mapreduce.jobhistory.done-dir",
      "yarn.app.mapreduce.am.resource.mb", "yarn.app.mapreduce.am.command-opts",
      "mapreduce.map.memory.mb", "mapreduce.reduce.memory.mb", "mapreduce.map.java.opts",
      "mapreduce.reduce.java.opts", "yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms",
      "mapreduce.client.completion.pollinterval");

  private final Configuration yarnSite;
  private final Configuration mapredSite;

  private YarnClientSite(Configuration yarnSite, Configuration mapredSite) {
    this.yarnSite = yarnSite;
    this.mapredSite = mapredSite;
  }

  /**
   * Settings of the cluster before it starts, each only where the configuration leaves it
   * unset: a NodeManager of 4 GB and 4 vcores taking 512 MB containers (an application master
   * and three tasks at once; a 2-core laptop gains nothing from more), container JVMs tuned to
   * start fast (C1 only, serial GC: they live seconds), heartbeats and the client's completion
   * poll at a fraction of a second instead of 1-5 s (small jobs are otherwise mostly waiting),
   * staging and history under /yarn on the default file system, and the node classpath.
   */
  static void configureCluster(Configuration c, List<String> nodeClasspath) {
    setUnlessConfigured(c, "yarn.nodemanager.resource.memory-mb", "4096");
    setUnlessConfigured(c, "yarn.nodemanager.resource.cpu-vcores", "4");
    setUnlessConfigured(c, "yarn.scheduler.minimum-allocation-mb", "256");
    setUnlessConfigured(c, "yarn.scheduler.maximum-allocation-mb", "4096");
    setUnlessConfigured(c, "yarn.scheduler.maximum-allocation-vcores", "4");
    // A laptop disk fuller than YARN's default 90 % would make the NodeManager unhealthy and
    // jobs wait for containers forever.
    setUnlessConfigured(c,
        "yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage",
        "99");
    // Full URIs: JobHistoryUtils qualifies a bare path against the fs.defaultFS of a fresh
    // Configuration, the core-site.xml on the classpath, which need not be this cluster's.
    URI fs = URI.create(c.get(FileSystem.FS_DEFAULT_NAME_KEY));
    setUnlessConfigured(c, "yarn.app.mapreduce.am.staging-dir",
        fs.resolve("/yarn/staging").toString());
    setUnlessConfigured(c, "mapreduce.jobhistory.intermediate-done-dir",
        fs.resolve("/yarn/history/done_intermediate").toString());
    setUnlessConfigured(c, "mapreduce.jobhistory.done-dir",
        fs.resolve("/yarn/history/done").toString());
    setUnlessConfigured(c, "yarn.app.mapreduce.am.resource.mb", "512");
    String fastJvm = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    setUnlessConfigured(c, "yarn.app.mapreduce.am.command-opts", "-Xmx384m " + fastJvm);
    setUnlessConfigured(c, "mapreduce.map.memory.mb", "512");
    setUnlessConfigured(c, "mapreduce.reduce.memory.mb", "512");
    // No -Xmx: MapReduce derives it from the container size.
    setUnlessConfigured(c, "mapreduce.map.java.opts", fastJvm);
    setUnlessConfigured(c, "mapreduce.reduce.java.opts", fastJvm);
    setUnlessConfigured(c, "yarn.resourcemanager.nodemanagers.heartbeat-interval-ms", "250");
    setUnlessConfigured(c, "yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms", "250");
    setUnlessConfigured(c, "mapreduce.client.completion.pollinterval", "250");
    setUnlessConfigured(c, "yarn.application.classpath", String.join(",", nodeClasspath));
  }

  /**
   * Sets {@code key} unless a site file or the command line did: a value from Hadoop's own
   * *-default.xml counts as unset (Configuration.setIfUnset would keep it).
   */
  private static void setUnlessConfigured(Configuration c, String key, String value) {
    String[] sources = c.getPropertySources(key);
    if (sources == null || Arrays.stream(sources).allMatch(s -> s.endsWith("-default.xml"))) {
      c.set(key, value);
    }
  }

  /** The client keys of a started cluster's configuration (actual ports). */
  static YarnClientSite of(Configuration started) {
    return new YarnClientSite(pick(started, YARN_KEYS), pick(started, MAPRED_KEYS));
  }

  private static Configuration pick(Configuration from, List<String> keys) {
    Configuration to = new Configuration(false);
    for (String k : keys) {
      String v = from.get(k);
      if (v == null) {
        throw new IllegalStateException("mini YARN cluster: " + k + " is not set after start");
      }
      to.set(k, v);
    }
    return to;
  }

  /** Both files' settings on top of {@code base} (a client's core-site configuration). */
  public Configuration applyTo(Configuration base) {
    Configuration c = new Configuration(base);
    for (Configuration site : List.of(yarnSite, mapredSite)) {
      for (var e : site) {
        c.set(e.getKey(), e.getValue());
      }
    }
    return c;
  }

  /** Writes {@code yarn-site.xml} and {@code mapred-site.xml} into {@code dir}. */
  public void write(File dir) throws IOException {
    SiteFile.write(yarnSite, new File(dir, "yarn-site.xml"));
    SiteFile.write(mapredSite, new File(dir, "mapred-site.xml"));
  }
}
