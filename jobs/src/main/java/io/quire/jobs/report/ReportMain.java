package io.quire.jobs.report;

import io.quire.jobs.cli.Args;
import io.quire.jobs.archive.ArchiveLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;

/**
 * {@code report --in OUTPUT_DIR --html FILE [--archive ROOT | --catalog CSV]}: an HTML page with
 * charts and tables from the output of {@code jobs all}; book titles come from the catalog when
 * given. FILE is a local file; OUTPUT_DIR any Hadoop FileSystem. Also prints a short summary
 * (top books, monthly revenue) on stdout.
 */
public final class ReportMain extends Configured implements Tool {

  @Override
  public int run(String[] argv) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Args a = new Args(argv, Set.of("in", "html", "archive", "catalog"));
    org.apache.hadoop.fs.Path catalog = a.has("catalog")
        ? new org.apache.hadoop.fs.Path(a.required("catalog"))
        : a.has("archive") ? new ArchiveLayout(new org.apache.hadoop.fs.Path(
            a.required("archive"))).catalog() : null;
    org.apache.hadoop.fs.Path in = new org.apache.hadoop.fs.Path(a.required("in"));
    ReportData data = new ReportData(getConf(), in, catalog);
    String html = HtmlReport.render(data, in.toString());
    Path out = Path.of(a.required("html")).toAbsolutePath();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, html, StandardCharsets.UTF_8);
    System.err.println("report: wrote " + out + " (" + html.length() + " bytes)");
    TerminalSummary.print(data, System.out);
    return 0;
  }
}
