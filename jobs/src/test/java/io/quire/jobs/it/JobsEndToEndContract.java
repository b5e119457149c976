package io.quire.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.jobs.JobsMain;
import io.quire.jobs.authors.AuthorsPublishersJob;
import io.quire.jobs.bestsellers.BestSellersJob;
import io.quire.jobs.customers.CustomersJob;
import io.quire.jobs.reference.ReferenceArchive;
import io.quire.jobs.reference.ReferenceFigures;
import io.quire.jobs.revenue.RevenueJob;
import io.quire.jobs.together.BoughtTogetherJob;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Every job run with the LocalJobRunner on a generated archive with malformed records mixed in,
 * on the FileSystem a subclass provides; each output must equal {@link ReferenceFigures}, an
 * independent plain-Java computation over the same files, exactly (counts and cents).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
public abstract class JobsEndToEndContract {
  static final LocalDate AS_OF = LocalDate.of(2025, 3, 15);

  private Configuration conf;
  private Path archive;
  private Path out;
  private ReferenceFigures ref;

  /** Configuration of the FileSystem under test (fs.defaultFS set for hdfs:// and quire://). */
  protected abstract Configuration fsConf() throws Exception;

  /** A fresh, fully qualified base directory on that FileSystem. */
  protected abstract Path baseDir() throws Exception;

  /** Archive format passed to the generator. */
  protected String format() {
    return "avro";
  }

  @BeforeAll
  void generateAndRunAllJobs() throws Exception {
    conf = new Configuration(fsConf());
    Path base = baseDir();
    archive = new Path(base, "bookstore");
    out = new Path(base, "out");
    int rc = JobsMain.run(new Configuration(conf), new String[] {"generate", "--orders", "4000",
        "--days", "75", "--seed", "11", "--books", "150", "--users", "700", "--malformed-share",
        "0.03", "--format", format(), "--out", archive.toString()});
    assertThat(rc).isZero();
    ReferenceArchive ra = new ReferenceArchive(conf, archive);
    assertThat(ra.malformedTotal()).isGreaterThan(50);
    ref = new ReferenceFigures(ra);
    String in = archive.toString();
    run(new BestSellersJob(), "--in", in, "--out", dir("best-sellers"));
    run(new RevenueJob(), "--in", in, "--out", dir("revenue"));
    run(new CustomersJob(), "--in", in, "--out", dir("customers"), "--as-of", AS_OF.toString());
    run(new BoughtTogetherJob(), "--in", in, "--out", dir("bought-together"), "--min-count",
        "2", "--companions", "3");
    run(new AuthorsPublishersJob(), "--in", in, "--out", dir("authors-publishers"), "--top",
        "5");
  }

  private String dir(String job) {
    return new Path(out, job).toString();
  }

  private void run(org.apache.hadoop.util.Tool tool, String... args) throws Exception {
    assertThat(ToolRunner.run(new Configuration(conf), tool, args)).isZero();
  }

  private List<String> lines(String rel) throws Exception {
    return OutputLines.of(conf, new Path(out, rel));
  }

  @Test
  void bestSellersEqualReference() throws Exception {
    List<String> sales = ref.bookSales();
    assertThat(lines("best-sellers/sales")).isEqualTo(sales);
    assertThat(lines("best-sellers/top")).isEqualTo(ReferenceFigures.top(sales, 20));
  }

  @Test
  void revenueEqualsReference() throws Exception {
    assertThat(lines("revenue/day")).isEqualTo(ref.revenue(true));
    assertThat(lines("revenue/month")).isEqualTo(ref.revenue(false));
    assertThat(lines("revenue/category")).isEqualTo(ref.categories());
  }

  @Test
  void customersEqualReference() throws Exception {
    List<String> expected = ref.customers(AS_OF);
    assertThat(lines("customers")).isEqualTo(expected);
    Map<String, String> summary = new TreeMap<>();
    Path s = new Path(out, "customers/summary.tsv");
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        s.getFileSystem(conf).open(s), StandardCharsets.UTF_8))) {
      r.lines().forEach(l -> summary.put(l.split("\t")[0], l.split("\t")[1]));
    }
    long repeat = expected.stream().filter(l -> Long.parseLong(l.split("\t")[1]) >= 2).count();
    assertThat(summary).containsEntry("customers", Long.toString(expected.size()))
        .containsEntry("repeat_customers", Long.toString(repeat))
        .containsEntry("as_of", AS_OF.toString());
  }

  @Test
  void boughtTogetherEqualsReference() throws Exception {
    List<List<String>> p = ref.pairs(2, 3);
    assertThat(lines("bought-together/item-counts")).isEqualTo(ref.itemCounts());
    assertThat(p.get(0)).isNotEmpty();
    assertThat(lines("bought-together/stripes/pairs")).isEqualTo(p.get(0));
    assertThat(lines("bought-together/stripes/companions")).isEqualTo(p.get(1));
  }

  @Test
  void authorsAndPublishersEqualReference() throws Exception {
    List<String> sales = ref.authorsPublishers();
    assertThat(lines("authors-publishers/sales")).isEqualTo(sales);
    assertThat(lines("authors-publishers/top")).isEqualTo(ReferenceFigures.top(sales, 5));
  }

  @Test
  void malformedRecordsAreCountedPerReasonAndKeptAside() throws Exception {
    for (String side : List.of("best-sellers/sales/malformed", "revenue/malformed",
        "customers/malformed", "bought-together/item-counts/malformed",
        "bought-together/stripes/malformed", "authors-publishers/sales/malformed")) {
      assertThat(OutputLines.malformedByReason(conf, new Path(out, side))).as(side)
          .isEqualTo(ref.malformed());
    }
  }
}
