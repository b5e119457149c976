package io.quire.datanode.nnactor;

import io.quire.protocol.datanode.DatanodeProtocol;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;

/**
 * The production connector: Hadoop IPC proxies made by
 * {@code io.quire.protocol.rpc.QuireRpc.createDatanodeProxy} and closed with
 * {@code QuireRpc.stopProxy}. The factory is looked up reflectively so the DataNode builds
 * against protocol jars that predate it; a missing factory fails {@link #connect} with a clear
 * message.
 */
public final class RpcNameNodeConnector implements NameNodeConnector {
  private static final String FACTORY = "io.quire.protocol.rpc.QuireRpc";

  @Override public DatanodeProtocol connect(Configuration conf, InetSocketAddress address)
      throws IOException {
    try {
      Method m = Class.forName(FACTORY).getMethod("createDatanodeProxy", Configuration.class,
          InetSocketAddress.class);
      return (DatanodeProtocol) m.invoke(null, conf, address);
    } catch (InvocationTargetException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException) {
        throw (IOException) c;
      }
      throw new IOException("connect to NameNode " + address + ": " + c, c);
    } catch (ReflectiveOperationException e) {
      throw new IOException("connect to NameNode " + address + ": " + FACTORY
          + ".createDatanodeProxy is not on the classpath", e);
    }
  }

  @Override public void close(DatanodeProtocol proxy) {
    try {
      Class.forName(FACTORY).getMethod("stopProxy", Object.class).invoke(null, proxy);
    } catch (ReflectiveOperationException e) {
      // nothing was created through the factory, so there is nothing to stop
    }
  }
}
