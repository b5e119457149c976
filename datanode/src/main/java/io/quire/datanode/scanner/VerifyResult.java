package io.quire.datanode.scanner;

import java.io.File;

/**
 * What verifying one replica found.
 *
 * @param outcome        OK, CORRUPT, or GONE (the replica or its files went away meanwhile)
 * @param bytesVerified  block bytes whose CRCs were checked
 * @param file           the file at fault (block or meta file), for CORRUPT
 * @param offset         block offset of the first bad chunk, or -1 when the fault is not in a
 *                       chunk (short file, bad header)
 * @param reason         what is wrong, for logs
 */
public record VerifyResult(Outcome outcome, long bytesVerified, File file, long offset,
    String reason) {
  /** Verification outcome. */
  public enum Outcome { OK, CORRUPT, GONE }

  static VerifyResult ok(long bytes) {
    return new VerifyResult(Outcome.OK, bytes, null, -1, "");
  }

  static VerifyResult gone(long bytes, String reason) {
    return new VerifyResult(Outcome.GONE, bytes, null, -1, reason);
  }

  static VerifyResult corrupt(long bytes, File file, long offset, String reason) {
    return new VerifyResult(Outcome.CORRUPT, bytes, file, offset, reason);
  }

  public boolean isCorrupt() { return outcome == Outcome.CORRUPT; }

  /** "what, in which file, at which chunk offset" for logs and reports. */
  public String describe() {
    return reason + (file == null ? "" : " in " + file)
        + (offset >= 0 ? " at chunk offset " + offset : "");
  }
}
