package io.quire.jobs.testing;

import io.quire.jobs.model.Book;
import io.quire.jobs.model.CatalogCsv;
import io.quire.jobs.mr.CatalogIndex;
import io.quire.jobs.mr.OrderMapper;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * A job configuration for unit runs: a small catalog in the distributed cache, the malformed
 * side output registered, output under {@code target/unit/NAME}; and reading of side outputs.
 */
public final class UnitConf {
  public static final List<Book> BOOKS = List.of(
      new Book(1, "9780000000019", "Harbor 1", "Ann Lee", "Orbit", "Fantasy", 1099, 2001,
          "Harbor Cycle"),
      new Book(2, "9780000000026", "Harbor 2", "Ann Lee", "Orbit", "Fantasy", 1299, 2003,
          "Harbor Cycle"),
      new Book(3, "9780000000033", "Soups, Stews", "Bo Kim", "Verso", "Cooking", 2500, 2010, ""));

  private UnitConf() {
  }

  /** The directory of unit job {@code name}, emptied by {@link #create(String)}. */
  public static File dir(String name) {
    return TargetDirs.base().resolve(UnitConf.class.getSimpleName()).resolve(name).toFile();
  }

  /**
   * A job configuration over a fresh {@link #dir(String)}: the catalog shipped from it, output
   * (and the named side outputs) below its {@code out}.
   */
  public static Configuration create(String name) throws IOException {
    File dir = TargetDirs.freshFile(UnitConf.class, name);
    File csv = new File(dir, "books.csv");
    try (Writer w = Files.newBufferedWriter(csv.toPath(), StandardCharsets.UTF_8)) {
      CatalogCsv.write(BOOKS, w);
    }
    Job job = Job.getInstance(new Configuration());
    CatalogIndex.ship(job, new Path(csv.toURI()));
    MultipleOutputs.addNamedOutput(job, OrderMapper.MALFORMED_OUTPUT, TextOutputFormat.class,
        NullWritable.class, Text.class);
    FileOutputFormat.setOutputPath(job, new Path(new File(dir, "out").toURI()));
    return job.getConfiguration();
  }

  /** Lines written to a MultipleOutputs base path (e.g. "malformed") during a unit run. */
  public static List<String> sideLines(Configuration conf, String base) throws IOException {
    File out = new File(FileOutputFormat.getOutputPath(
        new org.apache.hadoop.mapreduce.task.JobContextImpl(conf, null)).toUri());
    List<String> lines = new ArrayList<>();
    try (Stream<java.nio.file.Path> s = Files.walk(out.toPath())) {
      for (java.nio.file.Path p : s.filter(Files::isRegularFile)
          .filter(p -> p.getParent().getFileName().toString().equals(base))
          .filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    lines.sort(null);
    return lines;
  }
}
