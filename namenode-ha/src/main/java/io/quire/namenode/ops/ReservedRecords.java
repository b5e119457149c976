package io.quire.namenode.ops;

import io.quire.namenode.namespace.ReservedPaths;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.Concat;
import io.quire.namenode.records.EditRecord.CreateFile;
import io.quire.namenode.records.EditRecord.Delete;
import io.quire.namenode.records.EditRecord.Mkdir;
import io.quire.namenode.records.EditRecord.RemoveXAttr;
import io.quire.namenode.records.EditRecord.Rename;
import io.quire.namenode.records.EditRecord.SetAcl;
import io.quire.namenode.records.EditRecord.SetOwner;
import io.quire.namenode.records.EditRecord.SetPermission;
import io.quire.namenode.records.EditRecord.SetReplication;
import io.quire.namenode.records.EditRecord.SetTimes;
import io.quire.namenode.records.EditRecord.SetXAttr;
import java.util.List;
import org.apache.hadoop.fs.InvalidPathException;

/**
 * The last line of the reserved namespace: every path a validated mutation is about to journal
 * is checked, so no route (a rename into "/", a parent made on the way, a path computed from
 * an inode) can make or change anything under {@code /.reserved} or a {@code .snapshot}.
 */
public final class ReservedRecords {
  private ReservedRecords() {}

  /**
   * @param op the operation and the path the caller named, for the message
   * @throws InvalidPathException when a record carries a path under /.reserved
   */
  public static void check(String op, List<EditRecord> records) {
    for (EditRecord r : records) {
      if (r instanceof Mkdir m) {
        check(op, m.path());
      } else if (r instanceof CreateFile c) {
        check(op, c.path());
      } else if (r instanceof Rename n) {
        check(op, n.src());
        check(op, n.dst());
      } else if (r instanceof Delete d) {
        check(op, d.path());
      } else if (r instanceof SetPermission s) {
        check(op, s.path());
      } else if (r instanceof SetOwner s) {
        check(op, s.path());
      } else if (r instanceof SetTimes s) {
        check(op, s.path());
      } else if (r instanceof SetReplication s) {
        check(op, s.path());
      } else if (r instanceof Concat c) {
        check(op, c.target());
        c.sources().forEach(s -> check(op, s));
      } else if (r instanceof SetAcl s) {
        check(op, s.path());
      } else if (r instanceof SetXAttr s) {
        check(op, s.path());
      } else if (r instanceof RemoveXAttr s) {
        check(op, s.path());
      } else if (r instanceof EditRecord.SetQuota s) {
        check(op, s.path());
      } // other records name files by inode id
    }
  }

  private static void check(String op, String path) {
    try {
      ReservedPaths.checkNotReserved(path, op);
    } catch (org.apache.hadoop.security.AccessControlException
        | org.apache.hadoop.HadoopIllegalArgumentException e) {
      throw new InvalidPathException(op + ": invalid path \"" + path + "\": " + e.getMessage());
    }
  }
}
