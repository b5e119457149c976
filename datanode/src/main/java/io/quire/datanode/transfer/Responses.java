package io.quire.datanode.transfer;

import io.quire.datanode.storage.ReplicaAlreadyExistsException;
import io.quire.protocol.datatransfer.MalformedFrameException;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.exceptions.ReplicaNotFoundException;
import java.io.DataOutputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and sends {@link OpResponse}s; maps exceptions to statuses. */
final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  private Responses() {}

  static Status statusOf(IOException e) {
    if (e instanceof ReplicaNotFoundException) return Status.ERROR_NOT_FOUND;
    if (e instanceof ReplicaAlreadyExistsException) return Status.ERROR_EXISTS;
    if (e instanceof MalformedFrameException) return Status.ERROR_INVALID;
    if (e instanceof InvalidRangeException) return Status.ERROR_INVALID;
    return Status.ERROR;
  }

  static void send(DataOutputStream out, OpResponse r) throws IOException {
    r.write(out);
    out.flush();
  }

  /** Logs one WARN line for a refused {@code op} and sends the error response. */
  static void refuse(DataOutputStream out, String op, IOException e) throws IOException {
    LOG.warn("{} refused: {}", op, e.getMessage());
    sendError(out, e);
  }

  static void sendError(DataOutputStream out, IOException e) throws IOException {
    send(out, OpResponse.error(statusOf(e), e.getMessage()));
  }
}
