package io.quire.namenode.records;

/**
 * The {@code @AtMostOnce} client calls the retry cache guards, by method name. An
 * {@link EditRecord.RpcCall} record names its call's operation, so that a NameNode that learnt
 * of the call from the journal refuses a call of another operation that reuses its ids instead
 * of taking it for a repeat. The numeric codes are part of the record format: never renumber.
 */
public enum AtMostOnceOp {
  /** An RPC_CALL record of payload version 2 or older, which did not name its operation. */
  UNRECORDED(0, "an unrecorded"),
  CREATE(1, "create"),
  APPEND(2, "append"),
  COMPLETE(3, "complete"),
  DELETE(4, "delete"),
  RENAME(5, "rename"),
  CONCAT(6, "concat"),
  UPDATE_PIPELINE(7, "updatePipeline"),
  /** Never journaled: AddBlockOps recognises a repeat from the namespace. */
  ADD_BLOCK(8, "addBlock"),
  SET_XATTR(9, "setXAttr"),
  REMOVE_XATTR(10, "removeXAttr"),
  // 11: quotas
  CREATE_SNAPSHOT(12, "createSnapshot"),
  DELETE_SNAPSHOT(13, "deleteSnapshot"),
  RENAME_SNAPSHOT(14, "renameSnapshot");

  private final int code;
  private final String method;

  AtMostOnceOp(int code, String method) {
    this.code = code;
    this.method = method;
  }

  public int code() {
    return code;
  }

  /** The ClientProtocol method (as in error messages). */
  public String method() {
    return method;
  }

  /** The operation with this code, or null when unknown. */
  public static AtMostOnceOp ofCode(int code) {
    for (AtMostOnceOp op : values()) {
      if (op.code == code) {
        return op;
      }
    }
    return null;
  }
}
