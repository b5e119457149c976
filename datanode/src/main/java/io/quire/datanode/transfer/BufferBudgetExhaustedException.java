package io.quire.datanode.transfer;

import java.io.IOException;

/**
 * A transfer could not get packet buffer room within the DataNode's buffer budget in time: the
 * DataNode is busy with other transfers; the peer should retry later or use another node.
 */
public class BufferBudgetExhaustedException extends IOException {
  private static final long serialVersionUID = 1L;

  public BufferBudgetExhaustedException(String message) {
    super(message);
  }
}
