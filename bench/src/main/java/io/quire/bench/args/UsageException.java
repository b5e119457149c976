package io.quire.bench.args;

/**
 * A bench command line that cannot run: the message is one line naming the command, the
 * argument and what to do (exit status 2). For {@code --help} it is the command's option list
 * instead, meant for standard output (exit status 0): {@link #isHelp()}.
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean help;

  UsageException(String message, boolean help) {
    super(message);
    this.help = help;
  }

  /** True when {@code --help} asked for the option list (the message). */
  public boolean isHelp() { return help; }

  /** The exit status: 0 for {@code --help}, 2 for a bad command line. */
  public int exitStatus() { return help ? 0 : 2; }
}
