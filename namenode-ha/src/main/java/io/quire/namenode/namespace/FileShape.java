package io.quire.namenode.namespace;

import org.apache.hadoop.thirdparty.com.google.common.collect.Interner;
import org.apache.hadoop.thirdparty.com.google.common.collect.Interners;

/**
 * A file's replication and preferred block size, interned: a namespace has few distinct
 * pairs, so files and file copies refer to a shared one (4 bytes instead of 10, which takes
 * an {@link InodeFile} from 72 to 64 bytes and a {@link FileCopy} from 80 to 72). HDFS packs
 * both into one long of the inode ({@code INodeFile.HeaderFormat}). Weakly interned.
 */
public record FileShape(short replication, long blockSize) {
  private static final Interner<FileShape> ALL = Interners.newWeakInterner();

  public static FileShape of(short replication, long blockSize) {
    return ALL.intern(new FileShape(replication, blockSize));
  }

  FileShape withReplication(short r) {
    return r == replication ? this : of(r, blockSize);
  }
}
