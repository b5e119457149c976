package io.quire.it;

/** Exit code and captured output of one FsShell command. */
record ShellResult(int exitCode, String out, String err) {
  /** Output with timestamps ("2026-11-28 03:10") replaced by DATE, for comparisons. */
  String normalizedOut() {
    return out.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", "DATE");
  }
}
