package io.quire.jobs.it;

/** The jobs on an HA nameservice: quire://minins/ with two NameNodes. */
class QuireHaJobsTest extends QuireJobsTest {
  @Override int nameNodes() {
    return 2;
  }
}
