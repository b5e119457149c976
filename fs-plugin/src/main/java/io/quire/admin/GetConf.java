package io.quire.admin;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.GenericOptionsParser;

/**
 * {@code quire getconf [-D k=v] KEY...}: prints the value of each key, one line per key (an
 * empty line when unset), as the daemons see them: Hadoop defaults, core-site.xml and
 * quire-site.xml from the class path (the conf directory), then the -D options. The cluster
 * scripts read their settings (nameservice, NameNode addresses) through it.
 */
public final class GetConf {
  private GetConf() { }

  public static void main(String[] args) throws IOException {
    Configuration conf = new Configuration();
    conf.addResource("quire-site.xml");
    String[] keys = new GenericOptionsParser(conf, args).getRemainingArgs();
    if (keys.length == 0) {
      System.err.println("usage: quire getconf [-D key=value] KEY...");
      System.exit(2);
    }
    for (String key : keys) {
      String value = conf.getTrimmed(key);
      System.out.println(value == null ? "" : value);
    }
  }
}
