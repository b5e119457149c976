package io.quire.namenode.records;

/**
 * Type byte of each journal record kind. The numeric codes are part of the on-disk format
 * (see {@link RecordCodec}): never renumber, only append.
 */
public enum RecordType {
  MKDIR(1),
  CREATE_FILE(2),
  ADD_BLOCK(3),
  COMMIT_BLOCK(4),
  ABANDON_BLOCK(5),
  UPDATE_BLOCK_LENGTH(6),
  CLOSE_FILE(7),
  REOPEN_FOR_APPEND(8),
  RENAME(9),
  DELETE(10),
  SET_PERMISSION(11),
  SET_OWNER(12),
  SET_TIMES(13),
  SET_REPLICATION(14),
  CONCAT(15),
  TRUNCATE(16),
  SET_GENSTAMP(17),
  UPDATE_PIPELINE(18),
  REASSIGN_LEASE(19),
  COMMIT_BLOCK_SYNC(20),
  RPC_CALL(21),
  SET_ACL(22),
  SET_XATTR(23),
  REMOVE_XATTR(24),
  SET_QUOTA(25),
  TRUNCATE_COPY(26),
  ALLOW_SNAPSHOT(27),
  DISALLOW_SNAPSHOT(28),
  CREATE_SNAPSHOT(29),
  DELETE_SNAPSHOT(30),
  RENAME_SNAPSHOT(31);

  private static final RecordType[] BY_CODE = new RecordType[64];

  static {
    for (RecordType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;

  RecordType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type with this code, or null when unknown. */
  public static RecordType ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
