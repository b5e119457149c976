package io.quire.it;

/** The FsShell round trip with the Quire side on an HA nameservice (quire://minins/). */
class TestFsShellRoundTripHa extends TestFsShellRoundTrip {
  @Override int nameNodes() {
    return 2;
  }
}
