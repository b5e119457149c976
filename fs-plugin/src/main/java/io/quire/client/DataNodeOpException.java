package io.quire.client;

import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.types.DataNodeId;
import java.io.IOException;

/**
 * A DataNode answered a data-transfer operation with an error status. Carries the response so
 * that the writer can see {@code firstBadLink} and the reader can tell a checksum error.
 */
public class DataNodeOpException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient OpResponse response;
  private final transient DataNodeId node;

  public DataNodeOpException(String operation, DataNodeId node, OpResponse response) {
    super(operation + " on DataNode " + node.getDataAddress() + " failed: " + response.getStatus()
        + (response.getMessage().isEmpty() ? "" : ": " + response.getMessage())
        + (response.getFirstBadLink().isEmpty() ? "" : " (first bad link "
        + response.getFirstBadLink() + ")"));
    this.response = response;
    this.node = node;
  }

  public OpResponse getResponse() { return response; }
  public DataNodeId getNode() { return node; }
  public Status getStatus() { return response.getStatus(); }
}
