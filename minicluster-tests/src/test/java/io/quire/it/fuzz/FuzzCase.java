package io.quire.it.fuzz;

/** One generated input and the check of the daemon's reaction to it. */
interface FuzzCase {
  /** What the case sends, for the failure report. */
  String describe();

  /**
   * Sends the input and checks the answer.
   *
   * @throws AssertionError when the daemon's reaction breaks the case's expectation
   */
  void run() throws Exception;
}
