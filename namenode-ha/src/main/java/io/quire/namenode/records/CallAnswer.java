package io.quire.namenode.records;

/**
 * How the answer of a retried {@code @AtMostOnce} call is rebuilt from the namespace (see
 * {@link EditRecord.RpcCall}). The numeric codes are part of the record format: never renumber.
 */
public enum CallAnswer {
  /** A call without an answer (rename, concat, updatePipeline). */
  NONE(0),
  /** The call answered true (delete, complete). */
  TRUE(1),
  /** The status of the file with the record's inode id (create). */
  FILE_STATUS(2),
  /** The located last block of the file with the record's inode id, or null (append). */
  LAST_BLOCK(3);

  private final int code;

  CallAnswer(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The answer kind with this code, or null when unknown. */
  public static CallAnswer ofCode(int code) {
    for (CallAnswer a : values()) {
      if (a.code == code) {
        return a;
      }
    }
    return null;
  }
}
