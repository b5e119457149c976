package io.quire.namenode;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.testing.TargetDirs;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.util.ExitUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** The command line fails with one line and status 1 on an unformatted directory. */
@Timeout(120)
class NameNodeMainTest {
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private File dir;

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    ExitUtil.disableSystemExit();
    ExitUtil.resetFirstExitException();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    dir = new File(TargetDirs.freshFile(info), "name"); // not created: it is unformatted
    System.setProperty("quire.test.name.dir", dir.getAbsolutePath());
  }

  @AfterEach
  void tearDown() {
    System.setErr(originalErr);
    System.clearProperty("quire.test.name.dir");
  }

  @Test
  void unformattedDirectoryExitsWithOneLine() {
    // quire-site.xml in src/test/resources points the name dir at ${quire.test.name.dir}
    ExitUtil.ExitException e = assertThrows(ExitUtil.ExitException.class,
        () -> NameNodeMain.main(new String[0]));
    assertEquals(1, e.getExitCode());
    String out = err.toString(StandardCharsets.UTF_8).trim();
    assertTrue(out.startsWith("namenode: "), out);
    assertEquals(1, out.lines().count(), out);
  }

  @Test
  void badArgumentsExitWithUsage() {
    ExitUtil.ExitException e = assertThrows(ExitUtil.ExitException.class,
        () -> NameNodeMain.main(new String[] {"-bogus"}));
    assertEquals(1, e.getExitCode());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: quire namenode"));
  }
}
