package io.quire.protocol.types;

import java.util.Locale;
import org.apache.hadoop.HadoopIllegalArgumentException;

/**
 * An extended attribute name as clients write it, {@code <namespace>.<name>}, split into its
 * namespace and name (HDFS's XAttrHelper rules: the namespace prefix is case-insensitive and
 * comes back lower-case; the name after the dot must not be empty).
 *
 * @param namespace the namespace
 * @param name the name after the namespace prefix and its dot
 */
public record XAttrName(Namespace namespace, String name) {

  /** The namespaces of HDFS, with who may use them (enforced by the NameNode). */
  public enum Namespace {
    /** Anyone with read (get) or write (set, remove) permission on the inode. */
    USER,
    /** The superuser only. */
    TRUSTED,
    /** Only {@code security.hdfs.unreadable.by.superuser}, on files, without a value. */
    SECURITY,
    /** Internal to the NameNode: never readable or writable by clients. */
    SYSTEM,
    /** HDFS's /.reserved/raw attributes: Quire has no raw paths, so never accessible. */
    RAW;

    public String prefix() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The full name, {@code namespace.name}, with the namespace in lower case. */
  public String prefixed() {
    return namespace.prefix() + "." + name;
  }

  /**
   * Parses {@code prefixed}.
   *
   * @throws HadoopIllegalArgumentException (as HDFS) when the namespace is missing or unknown
   *     or the name after it is empty
   */
  public static XAttrName parse(String prefixed) {
    if (prefixed == null) {
      throw new NullPointerException("XAttr name cannot be null.");
    }
    int dot = prefixed.indexOf('.');
    if (dot < 3) {
      throw badPrefix(prefixed);
    }
    if (dot == prefixed.length() - 1) {
      throw new HadoopIllegalArgumentException("XAttr name cannot be empty.");
    }
    String prefix = prefixed.substring(0, dot).toLowerCase(Locale.ROOT);
    for (Namespace ns : Namespace.values()) {
      if (ns.prefix().equals(prefix)) {
        return new XAttrName(ns, prefixed.substring(dot + 1));
      }
    }
    throw badPrefix(prefixed);
  }

  private static HadoopIllegalArgumentException badPrefix(String name) {
    return new HadoopIllegalArgumentException("An XAttr name must be prefixed with "
        + "user/trusted/security/system/raw, followed by a '.' (got \"" + name + "\")");
  }
}
