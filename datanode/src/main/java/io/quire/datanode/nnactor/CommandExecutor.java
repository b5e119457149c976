package io.quire.datanode.nnactor;

import io.quire.datanode.recovery.BlockRecoveryWorker;
import io.quire.datanode.storage.FsDataset;
import io.quire.datanode.transfer.BlockTransferClient;
import io.quire.protocol.exceptions.ChecksumMismatchException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the block commands NameNodes send: DELETE at once (the deletions then flow to
 * every NameNode as incremental reports); TRANSFER (re-replication) and RECOVER (block
 * recovery) on a background pool (sized by the machine: quire.datanode.command.threads) so
 * heartbeats are not held up; commands beyond its threads wait in its queue. A transfer whose
 * receiver found the local data corrupt reports the local replica as bad. REGISTER and
 * BLOCK_REPORT concern one NameNode's actor and are handled there.
 */
public final class CommandExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);

  private final FsDataset dataset;
  private final BlockTransferClient transfers;
  private final BlockRecoveryWorker recovery;
  private final ExecutorService pool;
  private final Consumer<Block> badReplicaReporter;

  /**
   * @param badReplicaReporter told of a local replica found corrupt (reported to NameNodes)
   * @param threads size of the pool running transfers and recoveries (more wait in its queue)
   */
  public CommandExecutor(FsDataset dataset, BlockTransferClient transfers,
      BlockRecoveryWorker recovery, Consumer<Block> badReplicaReporter, int threads) {
    this.badReplicaReporter = badReplicaReporter;
    this.dataset = dataset;
    this.transfers = transfers;
    this.recovery = recovery;
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "DataNodeCommands");
          t.setDaemon(true);
          return t;
        });
  }

  /** Executes a DELETE, TRANSFER or RECOVER command. */
  public void execute(DataNodeCommand cmd) {
    switch (cmd.getType()) {
      case DELETE:
        dataset.delete(cmd.getBlocks());
        break;
      case TRANSFER:
        for (int i = 0; i < cmd.getBlocks().size(); i++) {
          Block b = cmd.getBlocks().get(i);
          List<DataNodeInfo> targets = targetsOf(cmd, i);
          pool.execute(() -> runLogged("transfer " + b.getName() + " to " + targets, () -> {
            try {
              transfers.transfer(b, targets);
            } catch (ChecksumMismatchException e) {
              badReplicaReporter.accept(b);
              throw e;
            }
          }));
        }
        break;
      case RECOVER:
        for (int i = 0; i < cmd.getBlocks().size(); i++) {
          Block b = cmd.getBlocks().get(i);
          List<DataNodeInfo> nodes = targetsOf(cmd, i);
          long gs = cmd.getNewGenerationStamp();
          long newBlockId = cmd.getNewBlockId();
          String what = "recover " + b.getName() + " to gs " + gs
              + (newBlockId != 0 ? " as a copy to blk_" + newBlockId : "");
          pool.execute(() -> runLogged(what, () -> recovery.recover(b, gs, nodes, newBlockId)));
        }
        break;
      default:
        throw new IllegalArgumentException("not a block command: " + cmd);
    }
  }

  private static List<DataNodeInfo> targetsOf(DataNodeCommand cmd, int i) {
    return i < cmd.getTargets().size() ? cmd.getTargets().get(i) : List.of();
  }

  private interface IoTask {
    void run() throws IOException;
  }

  private static void runLogged(String what, IoTask task) {
    try {
      task.run();
      LOG.info("Command done: {}", what);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Command failed: {}: {}", what, e.toString());
    }
  }

  public void shutdown() {
    pool.shutdownNow();
  }
}
