package io.quire.namenode.ops;

import io.quire.namenode.records.EditRecord;
import java.io.IOException;
import java.util.List;

/**
 * What validating an operation produced (as Kafka's ControllerResult): the records to journal
 * and apply, and the answer, computed after the records were applied (under the same lock).
 */
public record OpResult<T>(List<EditRecord> records, Answer<T> answer) {

  /** Computes the caller's answer once the records are applied. */
  @FunctionalInterface
  public interface Answer<T> {
    T get() throws IOException;
  }

  public static <T> OpResult<T> of(List<EditRecord> records, T value) {
    return new OpResult<>(records, () -> value);
  }

  public static <T> OpResult<T> of(EditRecord record, T value) {
    return new OpResult<>(List.of(record), () -> value);
  }

  public static <T> OpResult<T> after(List<EditRecord> records, Answer<T> answer) {
    return new OpResult<>(records, answer);
  }

  /** Nothing to journal. */
  public static <T> OpResult<T> none(T value) {
    return new OpResult<>(List.of(), () -> value);
  }
}
