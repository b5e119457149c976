package io.quire.namenode.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Payload and read-back helpers for journal tests (file and ZooKeeper journals). */
public final class JournalTestSupport {
  private JournalTestSupport() {}

  public static byte[] op(long i) {
    return ("op-" + i).getBytes(StandardCharsets.UTF_8);
  }

  public static List<byte[]> ops(long from, int count) {
    List<byte[]> out = new ArrayList<>();
    for (long i = from; i < from + count; i++) {
      out.add(op(i));
    }
    return out;
  }

  public static List<JournalRecord> readAll(Journal journal, long fromTxId) throws IOException {
    List<JournalRecord> out = new ArrayList<>();
    try (JournalReader reader = journal.readFrom(fromTxId)) {
      for (JournalRecord r = reader.next(); r != null; r = reader.next()) {
        out.add(r);
      }
    }
    return out;
  }

  public static List<Long> txIds(List<JournalRecord> records) {
    return records.stream().map(JournalRecord::txId).toList();
  }

  public static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }
}
