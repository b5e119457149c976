package io.quire.datanode.storage;

import io.quire.protocol.storage.AtomicFiles;
import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up load: rebuilds the replica map from the storage directories when the DataNode
 * starts (the periodic checks of replicas while it runs are the {@code scanner} package's).
 * Finalized replicas keep their length; replicas found under {@code rbw/} were being written
 * when the DataNode stopped: they become RWR, cut to their verified length
 * ({@link ReplicaFiles#verifiedLength}). A move between rbw/ and finalized/ cut short by a crash
 * is completed (see {@link #completeInterruptedMove}); a block file without any meta file is
 * skipped with a warning. When one block id appears twice, the higher generation stamp wins,
 * then the finalized one.
 */
final class ReplicaLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaLoader.class);
  private static final Pattern BLOCK = Pattern.compile("blk_(-?\\d+)");
  private static final Pattern META = Pattern.compile("blk_(-?\\d+)_(\\d+)\\.meta");

  private ReplicaLoader() {}

  /** Adds the replicas stored in {@code sd} to {@code map}. */
  static void load(StorageDirectory sd, ReplicaMap map) throws IOException {
    File[] subdirs = sd.getFinalizedDir().listFiles(File::isDirectory);
    if (subdirs != null) {
      for (File d : subdirs) {
        loadDir(sd, d, ReplicaState.FINALIZED, map);
      }
    }
    loadDir(sd, sd.getRbwDir(), ReplicaState.RWR, map);
  }

  private static void loadDir(StorageDirectory sd, File dir, ReplicaState state,
      ReplicaMap map) throws IOException {
    File[] files = dir.listFiles();
    if (files == null) {
      return;
    }
    Map<Long, Long> metaGs = new HashMap<>();
    for (File f : files) {
      Matcher m = META.matcher(f.getName());
      if (m.matches()) {
        long id = Long.parseLong(m.group(1));
        metaGs.merge(id, Long.parseLong(m.group(2)), Math::max);
      }
    }
    for (File f : files) {
      if (!BLOCK.matcher(f.getName()).matches()) {
        continue;
      }
      long id = Long.parseLong(f.getName().substring(4));
      Long gs = metaGs.get(id);
      if (gs != null) {
        add(sd, f, new File(dir, BlockMetaFile.name(id, gs)), id, gs, state, map);
      } else {
        completeInterruptedMove(sd, f, id, state, map);
      }
    }
  }

  /**
   * A block file without a meta file beside it: {@link ReplicaMover} moves the meta file first,
   * so a meta file in the other state's directory means a move was cut short; finish it.
   */
  private static void completeInterruptedMove(StorageDirectory sd, File blockFile, long id,
      ReplicaState state, ReplicaMap map) throws IOException {
    boolean toFinalized = state != ReplicaState.FINALIZED;
    File target = toFinalized ? sd.getFinalizedDirFor(id) : sd.getRbwDir();
    File[] metas = target.listFiles((d, n) -> n.startsWith("blk_" + id + "_")
        && META.matcher(n).matches());
    if (metas == null || metas.length == 0) {
      LOG.warn("Replica load: block file {} has no meta file; skipped", blockFile);
      return;
    }
    File meta = metas[0];
    for (File m : metas) {
      if (gsOf(m) > gsOf(meta)) {
        meta = m;
      }
    }
    File moved = new File(target, blockFile.getName());
    Files.move(blockFile.toPath(), moved.toPath());
    AtomicFiles.syncDirectory(target.toPath());
    LOG.warn("Replica load: completed interrupted move of {} to {}", blockFile, target);
    add(sd, moved, meta, id, gsOf(meta),
        toFinalized ? ReplicaState.FINALIZED : ReplicaState.RWR, map);
  }

  private static long gsOf(File meta) {
    Matcher m = META.matcher(meta.getName());
    return m.matches() ? Long.parseLong(m.group(2)) : -1;
  }

  private static void add(StorageDirectory sd, File blockFile, File meta, long id, long gs,
      ReplicaState state, ReplicaMap map) throws IOException {
    long len = blockFile.length();
    if (state == ReplicaState.RWR) {
      len = ReplicaFiles.verifiedLength(blockFile, meta);
      ReplicaFiles.truncateAndSync(blockFile, meta, len);
    }
    Replica r = new Replica(id, gs, state, len, sd);
    Replica old = map.get(id);
    if (old == null || old.getGenerationStamp() < gs
        || (old.getGenerationStamp() == gs && state == ReplicaState.FINALIZED)) {
      map.put(r);
      if (old != null) {
        LOG.warn("Replica load: {} supersedes {}", r, old);
      }
    } else {
      LOG.warn("Replica load: {} superseded by {}; ignored", r, old);
    }
  }
}
