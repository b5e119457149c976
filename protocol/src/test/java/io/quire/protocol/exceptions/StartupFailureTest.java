package io.quire.protocol.exceptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StartupFailureTest {
  @Test
  void portInUseNamesTheAddressAndTheKeys() {
    // What Hadoop's NetUtils.wrapException makes of a BindException, wrapped by a service.
    BindException hadoops = new BindException("Problem binding to [localhost:8720] "
        + "java.net.BindException: Address already in use; For more details see:  "
        + "http://wiki.apache.org/hadoop/BindException");
    RuntimeException t = new RuntimeException(hadoops);
    assertEquals("namenode: cannot listen: localhost:8720: Address already in use (another "
        + "process uses the port: stop it, or give this namenode another port with k1 / k2)",
        StartupFailure.oneLine("namenode", t, "k1 / k2"));
  }

  @Test
  void theJdksBindExceptionGetsTheConfiguredAddress() {
    Throwable t = new RuntimeException(new BindException("Address already in use"));
    assertEquals("datanode: cannot listen: 0.0.0.0:8710: Address already in use (another "
        + "process uses the port: stop it, or give this datanode another port with k)",
        StartupFailure.oneLine("datanode", t, "k", "0.0.0.0:8710"));
  }

  /** A server with several ports: the one that is taken names its own key (the HTTP port). */
  @Test
  void anAddressInUseNamesItsOwnKey() {
    IOException e = new IOException("start", new AddressInUseException("0.0.0.0:8711",
        "quire.datanode.http-address", "DataNode HTTP server: port in use"));
    assertEquals("datanode: cannot listen: 0.0.0.0:8711: DataNode HTTP server: port in use"
        + " (another process uses the port: stop it, or give this datanode another port with"
        + " quire.datanode.http-address)", StartupFailure.oneLine("datanode", e,
            "quire.datanode.address", "127.0.0.1:0"));
  }

  @Test
  void otherwiseTheFirstIoExceptionOnOneLine() {
    Throwable t = new RuntimeException("wrapper",
        new IOException("storage /d is not formatted:\n  run `quire namenode -format`"));
    assertEquals("datanode: storage /d is not formatted: run `quire namenode -format`",
        StartupFailure.oneLine("datanode", t, "k"));
  }
}
