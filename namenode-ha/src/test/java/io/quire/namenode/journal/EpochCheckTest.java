package io.quire.namenode.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.testing.TargetDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** The per-sync epoch check sees every promise made after its first read, and no stale one. */
@Timeout(30)
class EpochCheckTest {

  @Test
  void seesEachNewPromiseAndTheFileGone(TestInfo info) throws Exception {
    Path dir = TargetDirs.fresh(info);
    EpochFile file = new EpochFile(dir);
    try (EpochCheck check = new EpochCheck(file)) {
      assertEquals(0, check.read());
      file.writeAndSync(1);
      assertEquals(1, check.read());
      assertEquals(1, check.read());
      file.writeAndSync(2);
      assertEquals(2, check.read());
      file.writeAndSync(3);
      file.writeAndSync(4);
      assertEquals(4, check.read());
      Files.delete(file.path());
      assertEquals(0, check.read());
      file.writeAndSync(5);
      assertEquals(5, check.read());
    }
  }

  @Test
  void seesAFileRewrittenInPlace(TestInfo info) throws Exception {
    Path dir = TargetDirs.fresh(info);
    EpochFile file = new EpochFile(dir);
    file.writeAndSync(7);
    try (EpochCheck check = new EpochCheck(file)) {
      assertEquals(7, check.read());
      // not how Quire promises (it replaces the file), but an edit in place must not be missed
      Files.write(file.path(), "1 12\n".getBytes(StandardCharsets.US_ASCII),
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      assertEquals(12, check.read());
    }
  }

  @Test
  void refusesAFileThatIsNotAnEpochFile(TestInfo info) throws Exception {
    Path dir = TargetDirs.fresh(info);
    EpochFile file = new EpochFile(dir);
    Files.write(file.path(), new byte[200]);
    try (EpochCheck check = new EpochCheck(file)) {
      assertThrows(CorruptJournalException.class, check::read);
    }
  }
}
