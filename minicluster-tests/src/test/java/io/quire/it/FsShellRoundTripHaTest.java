package io.quire.it;

/** The FsShell round trip with the Quire side on an HA nameservice (quire://minins/). */
class FsShellRoundTripHaTest extends FsShellRoundTripTest {
  @Override int nameNodes() {
    return 2;
  }
}
