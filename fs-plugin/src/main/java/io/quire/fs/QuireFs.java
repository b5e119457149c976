package io.quire.fs;

import io.quire.protocol.QuireConfigKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * FileContext binding of {@code quire://}: {@code fs.AbstractFileSystem.quire.impl =
 * io.quire.fs.QuireFs}. Delegates to a {@link QuireFileSystem}; rename with options goes to the
 * NameNode's exception-raising rename (OVERWRITE / NO_OVERWRITE), as HDFS's Hdfs class does.
 */
public class QuireFs extends DelegateToFileSystem {
  public QuireFs(URI theUri, Configuration conf) throws IOException, URISyntaxException {
    super(theUri, new QuireFileSystem(), conf, QuireConfigKeys.SCHEME, true);
  }

  @Override public int getUriDefaultPort() {
    return QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT;
  }

  @Override public void renameInternal(Path src, Path dst) throws IOException {
    ((QuireFileSystem) fsImpl).rename(src, dst, Options.Rename.NONE);
  }

  @Override public void renameInternal(Path src, Path dst, boolean overwrite) throws IOException {
    ((QuireFileSystem) fsImpl).rename(src, dst,
        overwrite ? Options.Rename.OVERWRITE : Options.Rename.NONE);
  }
}
