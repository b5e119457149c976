package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.Concat;
import io.quire.namenode.records.EditRecord.Mkdir;
import io.quire.namenode.records.EditRecord.Rename;
import io.quire.namenode.records.EditRecord.SetTimes;
import java.util.List;
import org.apache.hadoop.fs.InvalidPathException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The check every validated mutation's records pass before they are journaled. */
@Timeout(30)
class ReservedRecordsTest {
  @Test
  void aRecordCarryingAReservedPathIsRefused() {
    for (EditRecord r : List.<EditRecord>of(
        new Mkdir(20000, "/.reserved", (short) 0755, "u", "g", 1),
        new Rename("/a/.reserved", "/.reserved", 1),
        new SetTimes("/.reserved/.inodes/16385", 1, 1),
        new Concat("/t", List.of("/s", "/.reserved/x"), 1))) {
      InvalidPathException e = assertThrows(InvalidPathException.class,
          () -> ReservedRecords.check("op /a", List.of(r)));
      assertTrue(e.getMessage().contains("op /a: "), e.getMessage());
    }
    ReservedRecords.check("op /a", List.of(new Mkdir(20000, "/.reservedx", (short) 0755, "u",
        "g", 1), new Rename("/a", "/b/.reserved", 1)));
  }
}
