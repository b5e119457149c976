package io.quire.protocol.types;

/** How a rename treats an existing destination. */
public enum RenameMode {
  /**
   * Hadoop FileSystem.rename(src, dst): when dst is an existing directory, src moves into it
   * (dst/name(src)); an existing file at the final destination is an error.
   */
  INTO_DIRECTORY,
  /** rename2 without OVERWRITE: the destination must not exist. */
  NO_OVERWRITE,
  /** rename2 with OVERWRITE: an existing file or empty directory at dst is replaced. */
  OVERWRITE
}
