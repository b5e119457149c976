package io.quire.jobs.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Test-side reading of job output: every line of the part files of a directory, sorted. */
final class OutputLines {
  private OutputLines() {
  }

  static List<String> of(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    List<String> lines = new ArrayList<>();
    FileStatus[] parts = fs.globStatus(new Path(dir, "part-*"));
    if (parts == null || parts.length == 0) {
      throw new IOException("no part files in " + dir);
    }
    for (FileStatus st : parts) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(st.getPath()),
          StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          lines.add(l);
        }
      }
    }
    lines.sort(null);
    return lines;
  }

  /** Rejected records of a side output directory, counted by reason (first column). */
  static Map<String, Long> malformedByReason(Configuration conf, Path dir) throws IOException {
    Map<String, Long> m = new TreeMap<>();
    for (String l : of(conf, dir)) {
      m.merge(l.substring(0, l.indexOf('\t')), 1L, Long::sum);
    }
    return m;
  }
}
