package io.quire.admin;

import io.quire.fs.QuireFileSystem;
import io.quire.protocol.client.ClientProtocol;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.util.Tool;

/**
 * Base of the {@code quire admin} commands: a Hadoop {@link Tool} that talks to the NameNode of
 * {@code fs.defaultFS} (settable with the {@code -fs} generic option) through the
 * {@link QuireFileSystem}'s ClientProtocol proxy, as the current user.
 *
 * <p>Exit codes: {@link #EXIT_OK}, {@link #EXIT_FAILED} (the operation failed, was refused, or
 * found something unhealthy), {@link #EXIT_USAGE} (bad arguments). A refusal by the NameNode
 * (AccessControlException) and any other IOException become one line on the error stream.
 */
public abstract class AdminTool extends Configured implements Tool {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_USAGE = 2;

  protected final PrintStream out;
  protected final PrintStream err;
  private ClientProtocol fixedNameNode;

  protected AdminTool(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** The command's name as typed after {@code quire admin}. */
  public abstract String name();

  /** One line of usage after the name. */
  public abstract String usage();

  /** Runs the command against the NameNode; returns the exit code. */
  protected abstract int run(ClientProtocol namenode, String[] args) throws IOException;

  /** Uses this NameNode proxy instead of opening the configured file system (unit tests). */
  public AdminTool withNameNode(ClientProtocol namenode) {
    this.fixedNameNode = namenode;
    return this;
  }

  @Override public final int run(String[] args) {
    if (args.length > 0 && ("-h".equals(args[0]) || "-help".equals(args[0]))) {
      out.println("Usage: quire admin " + name() + " " + usage());
      return EXIT_OK;
    }
    try {
      if (fixedNameNode != null) {
        return run(fixedNameNode, args);
      }
      try (FileSystem fs = openFileSystem()) {
        return run(((QuireFileSystem) fs).getClient().namenode(), args);
      }
    } catch (UsageException e) {
      err.println(name() + ": " + e.getMessage());
      err.println("Usage: quire admin " + name() + " " + usage());
      return EXIT_USAGE;
    } catch (AccessControlException e) {
      err.println(name() + ": access denied: " + firstLine(e.getMessage()));
      return EXIT_FAILED;
    } catch (IOException | RuntimeException e) {
      err.println(name() + ": " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
      return EXIT_FAILED;
    }
  }

  private FileSystem openFileSystem() throws IOException {
    URI uri = FileSystem.getDefaultUri(getConf());
    FileSystem fs = FileSystem.newInstance(uri, getConf());
    if (!(fs instanceof QuireFileSystem)) {
      fs.close();
      throw new UsageException("fs.defaultFS " + uri + " is not a quire:// file system");
    }
    return fs;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** Bad command-line arguments; printed with the usage line. */
  static final class UsageException extends IOException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
