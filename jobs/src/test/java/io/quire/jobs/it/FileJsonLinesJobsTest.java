package io.quire.jobs.it;

/** The jobs on file:// over a gzip JSON Lines export instead of the Avro archive. */
class FileJsonLinesJobsTest extends FileJobsTest {
  @Override
  protected String format() {
    return "jsonl.gz";
  }
}
