package io.quire.admin;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.BlockHealth;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@code quire admin fsck <path>}: walks the tree under a path (listing page by page) and checks
 * every block of every closed file against its file's replication ({@link BlockCheck}). Prints
 * one line per file and one per block, then an HDFS-style summary ending with
 * "The filesystem under path '/p' is HEALTHY" (or CORRUPT). Files open for write are listed
 * and skipped, as HDFS's fsck does by default. Exit code 0 when healthy, 1 when a block is
 * missing or corrupt.
 *
 * <pre>
 * /a/f 2097152 bytes, replication 3, 2 block(s): OK
 *   0. blk_1073741825_1001 len=1048576 live=3/3 [127.0.0.1:4001, ...] HEALTHY
 * </pre>
 */
public final class FsckTool extends AdminTool {
  public FsckTool() {
    this(System.out, System.err);
  }

  public FsckTool(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override public String name() { return "fsck"; }

  @Override public String usage() { return "<path>"; }

  @Override protected int run(ClientProtocol nn, String[] args) throws IOException {
    if (args.length != 1) {
      throw new UsageException("want exactly one path");
    }
    String root = args[0];
    InodeStatus top = nn.getFileInfo(root);
    if (top == null) {
      throw new FileNotFoundException("fsck " + root + ": no such file or directory");
    }
    out.println("FSCK started for path " + root);
    FsckSummary sum = new FsckSummary();
    Deque<InodeStatus> todo = new ArrayDeque<>();
    todo.push(top);
    while (!todo.isEmpty()) {
      InodeStatus s = todo.pop();
      if (s.isDirectory()) {
        sum.dirs++;
        List<InodeStatus> children = list(nn, s.getPath());
        for (int i = children.size() - 1; i >= 0; i--) {
          todo.push(children.get(i));
        }
      } else {
        checkFile(nn, s, sum);
      }
    }
    long live = nn.getDataNodeReport().stream()
        .filter(d -> d.getState() == DataNodeInfo.State.LIVE
            || d.getState() == DataNodeInfo.State.STALE)
        .count();
    sum.print(out, root, (int) live);
    return sum.isHealthy() ? EXIT_OK : EXIT_FAILED;
  }

  private static List<InodeStatus> list(ClientProtocol nn, String dir) throws IOException {
    List<InodeStatus> all = new ArrayList<>();
    String after = "";
    while (true) {
      DirectoryListing page = nn.getListing(dir, after);
      if (page == null) {
        throw new FileNotFoundException("fsck: listing " + dir + ": not found");
      }
      all.addAll(page.getEntries());
      if (!page.hasMore() || page.getEntries().isEmpty()) {
        return all;
      }
      String last = page.getEntries().get(page.getEntries().size() - 1).getPath();
      after = last.substring(last.lastIndexOf('/') + 1);
    }
  }

  /** getBlockHealth, or the blocks' locations when the NameNode lacks that call. */
  private static List<BlockCheck> blockChecks(ClientProtocol nn, InodeStatus s)
      throws IOException {
    List<BlockCheck> checks = new ArrayList<>();
    try {
      for (BlockHealth h : nn.getBlockHealth(s.getPath()).getBlocks()) {
        checks.add(BlockCheck.of(h));
      }
      return checks;
    } catch (IOException | RuntimeException e) {
      if (!Unsupported.is(e)) {
        throw e;
      }
    }
    LocatedBlocks lbs = nn.getBlockLocations(s.getPath(), 0, Math.max(1, s.getLength()));
    for (LocatedBlock lb : lbs == null ? List.<LocatedBlock>of() : lbs.getBlocks()) {
      checks.add(BlockCheck.of(lb, s.getReplication()));
    }
    return checks;
  }

  private void checkFile(ClientProtocol nn, InodeStatus s, FsckSummary sum) throws IOException {
    sum.files++;
    sum.totalSize += s.getLength();
    if (s.isUnderConstruction()) {
      sum.openFiles++;
      out.println(s.getPath() + " " + s.getLength() + " bytes, replication "
          + s.getReplication() + ": OPENFORWRITE (not checked)");
      return;
    }
    List<BlockCheck> checks = blockChecks(nn, s);
    BlockHealth.Status worst = BlockHealth.Status.HEALTHY;
    for (BlockCheck c : checks) {
      sum.add(c);
      if (c.status().severity() > worst.severity()) {
        worst = c.status();
      }
    }
    if (worst == BlockHealth.Status.CORRUPT || worst == BlockHealth.Status.MISSING) {
      sum.corruptFiles++;
    }
    out.println(s.getPath() + " " + s.getLength() + " bytes, replication " + s.getReplication()
        + ", " + checks.size() + " block(s): "
        + (worst == BlockHealth.Status.HEALTHY ? "OK" : worst.toString()));
    for (int i = 0; i < checks.size(); i++) {
      out.println("  " + i + ". " + checks.get(i).describe());
    }
  }
}
