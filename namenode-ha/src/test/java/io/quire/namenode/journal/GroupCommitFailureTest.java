package io.quire.namenode.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8 defect 6: a sync that fails with an unchecked exception or an Error (not an
 * IOException) must fail the writer like an IOException does; before, {@code syncing} stayed
 * set and every later caller waited forever.
 */
class GroupCommitFailureTest {

  /** A sink whose first sync throws {@code failure}. */
  private static BatchSink failingOnce(RuntimeException failure) {
    return new BatchSink() {
      boolean failed;

      @Override public void writeAndSync(byte[] data, int length, long first, long last) {
        if (!failed) {
          failed = true;
          throw failure;
        }
      }

      @Override public void roll(long lastTxId) { }

      @Override public void finish(long lastTxId) { }

      @Override public void close() { }

      @Override public long syncCount() {
        return 0;
      }
    };
  }

  @Test
  @Timeout(30)
  void anUncheckedFailureInTheSyncFailsTheWriterInsteadOfHangingIt() throws Exception {
    GroupCommitWriter w = new GroupCommitWriter("test-log", 1, 0, 1024,
        failingOnce(new IllegalStateException("disk driver bug")));
    long first = w.append(List.of(new byte[] {1}));
    assertThrows(IOException.class, () -> w.awaitSync(first));
    long second;
    try {
      second = w.append(List.of(new byte[] {2}));
    } catch (IOException e) {
      return; // refused at once: fine too
    }
    CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
      try {
        w.awaitSync(second);
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> later.get(10, TimeUnit.SECONDS), "a later sync fails, it does not wait forever");
    assertTrue(e.getCause().getCause() instanceof IOException, e.toString());
  }

  @Test
  @Timeout(30)
  void anErrorInTheSyncFailsTheWriterToo() throws Exception {
    GroupCommitWriter w = new GroupCommitWriter("test-log", 1, 0, 1024, new BatchSink() {
      @Override public void writeAndSync(byte[] data, int length, long first, long last) {
        throw new OutOfMemoryError("direct buffer memory");
      }

      @Override public void roll(long lastTxId) { }

      @Override public void finish(long lastTxId) { }

      @Override public void close() { }

      @Override public long syncCount() {
        return 0;
      }
    });
    long tx = w.append(List.of(new byte[] {1}));
    assertThrows(Throwable.class, () -> w.awaitSync(tx));
    IOException again = assertThrows(IOException.class, () -> w.awaitSync(tx));
    assertEquals(true, again.getMessage().contains("failed earlier"), again.getMessage());
  }
}
