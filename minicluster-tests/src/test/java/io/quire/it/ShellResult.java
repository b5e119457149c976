package io.quire.it;

/** Exit code and captured output of one FsShell command. */
record ShellResult(int exitCode, String out, String err) {}
