package io.quire.datanode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.testing.TargetDirs;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ExitUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** {@code quire datanode} that cannot start: status 1 and one line naming the fix. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DataNodeMainTest {
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private File dir;

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    ExitUtil.disableSystemExit();
    ExitUtil.resetFirstExitException();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    dir = new File(TargetDirs.freshFile(info), "data"); // not created: a test checks that
  }

  @AfterEach
  void tearDown() {
    System.setErr(originalErr);
  }

  @Test
  void portInUseExitsWithOneLineNamingTheKey() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String addr = "127.0.0.1:" + taken.getLocalPort();
      ExitUtil.ExitException e = assertThrows(ExitUtil.ExitException.class,
          () -> DataNodeMain.main(new String[] {
              "-D", DataNodeConfigKeys.DATA_DIR_KEY + "=" + dir.getAbsolutePath(),
              "-D", DataNodeConfigKeys.ADDRESS_KEY + "=" + addr,
              "-D", "quire.namenode.rpc-address=127.0.0.1:1"}));
      assertEquals(1, e.getExitCode());
      String out = err.toString(StandardCharsets.UTF_8).trim();
      assertEquals(1, out.lines().count(), out);
      assertTrue(out.startsWith("datanode: cannot listen: "), out);
      assertTrue(out.contains(String.valueOf(taken.getLocalPort())), out);
      assertTrue(out.contains(DataNodeConfigKeys.ADDRESS_KEY), out);
    }
  }

  @Test
  void unexpectedArgumentExitsWithUsage() {
    ExitUtil.ExitException e = assertThrows(ExitUtil.ExitException.class,
        () -> DataNodeMain.main(new String[] {"-bogus"}));
    assertEquals(1, e.getExitCode());
    String out = err.toString(StandardCharsets.UTF_8).trim();
    assertTrue(out.startsWith("usage: quire datanode"), out);
    assertTrue(Files.notExists(dir.toPath()), "nothing created");
  }
}
