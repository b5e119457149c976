package io.quire.minicluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints and journal segments in a NameNode's storage directory, read from disk while
 * the NameNode runs, for tests that wait for a checkpoint or a purge before they kill it. Names
 * as the NameNode writes them: {@code fsimage_<txid>}, {@code edits_<first>-<last>} and
 * {@code edits_inprogress_<first>}, transaction ids of 19 digits. A walk that meets a file
 * renamed or deleted under it (a checkpoint's temporary file, a purged segment) is walked again.
 */
public final class NameDirFiles {
  private static final Pattern IMAGE = Pattern.compile("fsimage_(\\d+)");
  private static final Pattern FROM_TX_1 = Pattern.compile("edits_(inprogress_)?0{18}1(-\\d+)?");

  private final File dir;

  public NameDirFiles(File dir) {
    this.dir = dir;
  }

  /** The directory. */
  public File dir() {
    return dir;
  }

  /** Transaction ids of the checkpoint images, the format's image of txid 0 included. */
  public List<Long> imageTxIds() throws IOException {
    return names().stream().map(IMAGE::matcher).filter(Matcher::matches)
        .map(m -> Long.parseLong(m.group(1))).toList();
  }

  /** How many checkpoints were taken since the format (images above txid 0). */
  public long checkpoints() throws IOException {
    return imageTxIds().stream().filter(t -> t > 0).count();
  }

  /** The transaction id of the newest image; 0 before the first checkpoint. */
  public long newestImageTxId() throws IOException {
    return imageTxIds().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** Whether the journal still starts at transaction 1, that is nothing was purged yet. */
  public boolean journalFromFirstTxId() throws IOException {
    return names().stream().anyMatch(n -> FROM_TX_1.matcher(n).matches());
  }

  /** The segments being written ({@code edits_inprogress_*}): one while a NameNode ran. */
  public List<File> inProgressSegments() throws IOException {
    return files().stream()
        .filter(f -> f.getFileName().toString().startsWith("edits_inprogress_"))
        .map(Path::toFile).toList();
  }

  private List<String> names() throws IOException {
    return files().stream().map(f -> f.getFileName().toString()).toList();
  }

  private List<Path> files() throws IOException {
    while (true) {
      try (Stream<Path> files = Files.walk(dir.toPath())) {
        return files.toList();
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof NoSuchFileException) || !dir.isDirectory()) {
          throw e.getCause();
        }
        // a file vanished during the walk: walk again
      }
    }
  }
}
