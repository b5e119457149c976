package io.quire.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.it.fuzz.WireExchange.Answer;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.Status;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * What a DataNode's answer to a fuzz case may be: the responses and acks it holds, read up to
 * the connection's end, where a reset may have cut them short and a close may not.
 */
final class AnswerChecks {
  private AnswerChecks() {}

  /** Nothing, or an {@link OpResponse} first (cut short only by a reset). */
  static void responseIfAny(Answer a) throws IOException {
    if (!a.isEmpty()) {
      readResponse(a, new DataInputStream(new ByteArrayInputStream(a.bytes())));
    }
  }

  /** The first OpResponse, which the DataNode must have sent (unless it reset the connection). */
  static OpResponse firstResponse(Answer a) throws IOException {
    OpResponse r = readResponse(a, new DataInputStream(new ByteArrayInputStream(a.bytes())));
    if (r == null) {
      throw new AssertionError("no answer before the DataNode closed the connection");
    }
    return r;
  }

  static void expectStatus(Answer a, Status s) throws IOException {
    if (a.isEmpty() && a.reset()) {
      return;
    }
    OpResponse r = firstResponse(a);
    assertEquals(s, r.getStatus(), r.toString());
  }

  /** The next OpResponse, or null at the end (or at a reset's cut). */
  static OpResponse readResponse(Answer a, DataInputStream in) throws IOException {
    try {
      return in.available() == 0 ? null : OpResponse.read(in);
    } catch (EOFException e) {
      if (a.reset()) {
        return null;
      }
      throw new AssertionError("an answer cut short before the close: "
          + a.bytes().length + " bytes", e);
    }
  }

  /** The next ack, or null at the end (or at a reset's cut). */
  static PipelineAck readAck(Answer a, DataInputStream in) throws IOException {
    try {
      return in.available() == 0 ? null : PipelineAck.read(in);
    } catch (EOFException e) {
      if (a.reset()) {
        return null;
      }
      throw new AssertionError("an ack cut short before the close", e);
    }
  }
}
