package io.quire.jobs.mr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** Reads the {@code part-*} TSV files of a job output directory (compressed or not). */
public final class TsvFiles {
  private TsvFiles() {
  }

  /**
   * All rows of all part files in {@code dir}, in file-name order, split on tabs.
   *
   * @throws IOException if {@code dir} does not exist or a file cannot be read
   */
  public static List<String[]> read(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    FileStatus[] parts = fs.globStatus(new Path(dir, "part-*"));
    if (parts == null) {
      throw new java.io.FileNotFoundException("job output directory " + dir + " does not exist");
    }
    Arrays.sort(parts);
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    List<String[]> rows = new ArrayList<>();
    for (FileStatus st : parts) {
      CompressionCodec codec = codecs.getCodec(st.getPath());
      try (InputStream raw = fs.open(st.getPath());
          BufferedReader r = new BufferedReader(new InputStreamReader(
              codec == null ? raw : codec.createInputStream(raw), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isEmpty()) {
            rows.add(line.split("\t", -1));
          }
        }
      }
    }
    return rows;
  }
}
