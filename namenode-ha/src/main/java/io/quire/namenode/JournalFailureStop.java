package io.quire.namenode;

import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.namesystem.HaGate;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.protocol.types.HaState;
import java.io.IOException;
import org.apache.hadoop.util.ExitUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a single NameNode does when its journal refuses or fails a write: its memory may now
 * hold records that the journal does not (they are applied before the sync), so it must not
 * serve any more. It refuses every call at once (the gate says STOPPING: clients get a
 * StandbyException and retry, reaching the NameNode again once it was restarted) and ends the
 * process with status 1, as HDFS's NameNode does when it cannot write its edit log; a restart
 * replays what the journal holds. (An HA NameNode steps down and reloads instead: see
 * {@link io.quire.namenode.ha.HaController}.) Where exiting is disabled (in-process tests) the
 * NameNode stays stopped.
 */
final class JournalFailureStop implements Namesystem.JournalFailureListener {
  private static final Logger LOG = LoggerFactory.getLogger(JournalFailureStop.class);

  private final HaGate gate;

  JournalFailureStop(HaGate gate) {
    this.gate = gate;
  }

  @Override public void journalFailed(JournalWriter writer, IOException cause) {
    if (gate.state() == HaState.STOPPING) {
      return;
    }
    gate.set(HaState.STOPPING, gate.epoch());
    String message = "NameNode stops: its journal could not take records it has applied ("
        + cause + "); restart it to replay what the journal holds";
    LOG.error(message, cause);
    try {
      ExitUtil.terminate(1, message);
    } catch (ExitUtil.ExitException e) {
      LOG.error("Exit disabled (in-process NameNode): it refuses every call instead");
    }
  }
}
