package io.quire.datanode.nnactor;

import io.quire.datanode.conf.DataNodeOptions;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.datanode.metrics.DataNodeMetrics;
import io.quire.datanode.security.BlockTokens;
import io.quire.datanode.storage.DataStorage;
import io.quire.datanode.storage.FsDataset;
import io.quire.protocol.types.DataNodeId;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;

/**
 * What NameNode actors need of their DataNode; {@code authority} (shared by all actors) decides
 * whose commands are obeyed; {@code tokens} takes the block keys every NameNode sends.
 */
public record ActorContext(Configuration conf, DataNodeOptions options, DataStorage storage,
    FsDataset dataset, Supplier<DataNodeId> self, IntSupplier activeTransfers,
    CommandExecutor commands, NameNodeConnector connector, DataNodeFaultInjector faults,
    DataNodeMetrics metrics, CommandAuthority authority, BlockTokens tokens) {
}
