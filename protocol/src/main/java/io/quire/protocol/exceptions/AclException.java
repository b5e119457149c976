package io.quire.protocol.exceptions;

import java.io.IOException;

/**
 * An ACL operation was refused: the ACL spec is invalid (duplicate entries, a name on a mask
 * or other entry, a missing user/group/other entry, more than 32 entries, a default ACL on a
 * file, a mask removed that named entries need) or ACLs are disabled on the NameNode
 * ({@code quire.namenode.acls.enabled}). HDFS's {@code org.apache.hadoop.hdfs.protocol
 * .AclException}; the message says what to change. Retrying does not help.
 */
public class AclException extends IOException {
  private static final long serialVersionUID = 1L;

  public AclException(String message) {
    super(message);
  }
}
