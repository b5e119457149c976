package io.quire.datanode.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.scanner.CorruptReplicaReporter;
import io.quire.datanode.scanner.DirectoryScanner;
import io.quire.datanode.testing.StampedStorage;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Finalization with and without directory fsyncs, the out-of-lock parts of finalization and
 * RBW creation, and their safety against the directory scanner running at the same time.
 */
@Timeout(60)
class FinalizeReplicaTest {
  private static final Replica.Writer NO_WRITER = () -> { };
  private File root;

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    root = StampedStorage.root(info);
  }

  private FsDataset open() throws IOException {
    return new FsDataset(DataStorage.open(List.of(root)));
  }

  /** An RBW replica holding {@code len} bytes with matching CRCs, writer released. */
  private static Replica rbwWithData(FsDataset ds, long id, int len) throws IOException {
    Replica r = ds.createRbw(new Block(id, 7, 0), NO_WRITER, false);
    r.clearWriter(NO_WRITER);
    byte[] data = new byte[len];
    for (int i = 0; i < len; i++) {
      data[i] = (byte) (id + i);
    }
    Files.write(r.getBlockFile().toPath(), data);
    byte[] crcs = new byte[4 * ((len + 511) / 512)];
    BlockMetaFile.newChecksum().calculateChunkedSums(data, 0, len, crcs, 0);
    byte[] header = BlockMetaFile.header().array();
    byte[] meta = new byte[header.length + crcs.length];
    System.arraycopy(header, 0, meta, 0, header.length);
    System.arraycopy(crcs, 0, meta, header.length, crcs.length);
    Files.write(r.getMetaFile().toPath(), meta);
    r.setBytesOnDisk(len);
    return r;
  }

  @Test
  void durableFinalizeMovesBothFilesIntoTheSubdirAndReportsFinalized() throws IOException {
    FsDataset ds = open();
    List<ReportedBlock> heard = new ArrayList<>();
    ds.addListener(new ReplicaListener() {
      @Override public void replicaReceived(ReportedBlock rb) { heard.add(rb); }
      @Override public void replicaDeleted(Block b) { }
    });
    Replica r = rbwWithData(ds, 0x4201, 3000);
    File rbwBlock = r.getBlockFile();
    ds.finalizeReplicaDurably(r);
    assertEquals(ReplicaState.FINALIZED, r.getState());
    File dir = r.getDir().getFinalizedDirFor(0x4201);
    assertEquals(new File(dir, "blk_" + 0x4201), r.getBlockFile());
    assertTrue(r.getBlockFile().isFile());
    assertTrue(new File(dir, BlockMetaFile.name(0x4201, 7)).isFile());
    assertFalse(rbwBlock.exists(), "nothing left under rbw/");
    assertEquals(3000, r.getVisibleLength());
    assertEquals(1, heard.size());
    assertEquals(ReplicaState.FINALIZED, heard.get(0).getState());
    assertEquals(new Block(0x4201, 7, 3000).toString(), heard.get(0).getBlock().toString());
  }

  @Test
  void finalizeWithoutDirectorySyncIsLoadedFinalizedAfterRestart() throws IOException {
    FsDataset ds = open();
    ds.finalizeReplica(rbwWithData(ds, 0x4302, 1500));
    ds.getStorage().close(); // the DataNode stops (its storage lock goes with it)
    Replica again = open().getReplica(0x4302);
    assertEquals(ReplicaState.FINALIZED, again.getState());
    assertEquals(1500, again.getBytesOnDisk());
  }

  @Test
  void failedFileCreationReleasesTheBlockIdAndLeavesNoFiles() throws IOException {
    FsDataset ds = open();
    StorageDirectory sd = ds.getStorage().getDirs().get(0);
    File obstacle = new File(sd.getRbwDir(), "blk_77");
    assertTrue(new File(obstacle, "in-the-way").mkdirs());
    IOException e = assertThrows(IOException.class,
        () -> ds.createRbw(new Block(77, 3, 0), NO_WRITER, true));
    assertTrue(e.getMessage().contains("blk_77_3"), e.getMessage());
    assertNull(ds.getReplica(77), "the block id is free again");
    assertFalse(new File(sd.getRbwDir(), BlockMetaFile.name(77, 3)).exists());
    FileUtil.fullyDelete(obstacle);
    Replica r = ds.createRbw(new Block(77, 3, 0), NO_WRITER, true);
    assertTrue(r.getBlockFile().isFile());
    assertEquals(BlockMetaFile.HEADER_SIZE, r.getMetaFile().length());
  }

  @Test
  void directoryScannerRunningDuringFinalizationsRepairsNothing() throws Exception {
    FsDataset ds = open();
    ConcurrentLinkedQueue<Block> deleted = new ConcurrentLinkedQueue<>();
    ds.addListener(new ReplicaListener() {
      @Override public void replicaReceived(ReportedBlock rb) { }
      @Override public void replicaDeleted(Block b) { deleted.add(b); }
    });
    List<Replica> rbw = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rbw.add(rbwWithData(ds, 0x10000 + i * 97L, 700));
    }
    ConcurrentLinkedQueue<Block> corrupt = new ConcurrentLinkedQueue<>();
    DirectoryScanner scanner = new DirectoryScanner(ds, 0,
        new CorruptReplicaReporter(corrupt::add));
    scanner.init(new Configuration(false));
    scanner.start();
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?> scans = pool.submit(() -> {
        while (!done.get()) {
          scanner.awaitScan(scanner.triggerScanNow(), 20_000);
        }
        return null;
      });
      List<Future<?>> finals = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int from = t;
        finals.add(pool.submit(() -> {
          for (int i = from; i < rbw.size(); i += 3) {
            if (i % 2 == 0) {
              ds.finalizeReplicaDurably(rbw.get(i));
            } else {
              ds.finalizeReplica(rbw.get(i));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : finals) {
        f.get(60, TimeUnit.SECONDS);
      }
      done.set(true);
      scans.get(60, TimeUnit.SECONDS);
      assertTrue(scanner.awaitScan(scanner.triggerScanNow(), 20_000), "final round ran");
    } finally {
      done.set(true);
      pool.shutdownNow();
      scanner.stop();
    }
    assertTrue(scanner.getRoundsCompleted() > 1, "scanner ran alongside");
    assertEquals(List.of(), List.copyOf(deleted));
    assertEquals(List.of(), List.copyOf(corrupt));
    assertEquals(0, scanner.getJunkFilesDeleted());
    for (Replica r : rbw) {
      assertEquals(ReplicaState.FINALIZED, ds.getReplica(r.getBlockId()).getState());
      assertTrue(r.getBlockFile().isFile() && r.getMetaFile().isFile(), r.toString());
    }
  }
}
