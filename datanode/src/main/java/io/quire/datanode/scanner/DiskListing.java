package io.quire.datanode.scanner;

import io.quire.datanode.storage.StorageDirectory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block and meta files under one storage directory's {@code finalized/subdir*}, grouped by
 * block id. Files of other names are not listed (and never touched).
 */
final class DiskListing {
  private static final Pattern BLOCK = Pattern.compile("blk_(-?\\d+)");
  private static final Pattern META = Pattern.compile("blk_(-?\\d+)_(\\d+)\\.meta");

  /** Files of one block id. */
  static final class Entry {
    final List<File> blockFiles = new ArrayList<>();
    final List<File> metaFiles = new ArrayList<>();

    List<File> all() {
      List<File> out = new ArrayList<>(blockFiles);
      out.addAll(metaFiles);
      return out;
    }
  }

  private DiskListing() {}

  static Map<Long, Entry> list(StorageDirectory sd) {
    Map<Long, Entry> out = new TreeMap<>();
    File[] subdirs = sd.getFinalizedDir().listFiles(File::isDirectory);
    if (subdirs == null) {
      return out;
    }
    for (File d : subdirs) {
      File[] files = d.listFiles(File::isFile);
      if (files == null) {
        continue;
      }
      for (File f : files) {
        Matcher b = BLOCK.matcher(f.getName());
        Matcher m = META.matcher(f.getName());
        if (b.matches()) {
          out.computeIfAbsent(Long.parseLong(b.group(1)), k -> new Entry()).blockFiles.add(f);
        } else if (m.matches()) {
          out.computeIfAbsent(Long.parseLong(m.group(1)), k -> new Entry()).metaFiles.add(f);
        }
      }
    }
    return out;
  }

  /** Generation stamp in a meta file's name. */
  static long gsOf(File meta) {
    Matcher m = META.matcher(meta.getName());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a meta file name: " + meta);
    }
    return Long.parseLong(m.group(2));
  }
}
