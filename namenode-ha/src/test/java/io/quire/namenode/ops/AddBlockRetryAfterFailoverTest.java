package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.types.LocatedBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A writer whose addBlock answer was lost when the active died retries it on the new active:
 * it gets the same block (no second one is added), with a pipeline the new active chose, since
 * the old active's choice was never journaled.
 */
class AddBlockRetryAfterFailoverTest {

  @Test
  void theSameBlockWithANewPipeline() throws Exception {
    NamesystemFixture active = new NamesystemFixture();
    for (int i = 0; i < 3; i++) {
      active.addDataNode(i);
    }
    active.client.create("/f", (short) 0644, "writer", false, true, (short) 3, 1024);
    long fileId = active.client.getFileInfo("/f").getFileId();
    LocatedBlock first = active.client.addBlock("/f", fileId, "writer", null, List.of(), null);
    assertEquals(3, first.getLocations().size());

    NamesystemFixture next = new NamesystemFixture(active.conf, active.journal);
    for (int i = 0; i < 3; i++) {
      next.addDataNode(i);
    }
    long applied = next.ns.getLastAppliedTxId();
    LocatedBlock retried = next.client.addBlock("/f", fileId, "writer", null, List.of(), null);
    assertEquals(first.getBlock(), retried.getBlock(), "the block the lost answer named");
    assertFalse(retried.getLocations().isEmpty(), "a pipeline to write to");
    assertEquals(applied, next.ns.getLastAppliedTxId(), "nothing journaled for the retry");
  }
}
