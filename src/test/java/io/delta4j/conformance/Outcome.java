package io.delta4j.conformance;

/** The result of one case; {@code message} says why it failed or was skipped. */
record Outcome(Status status, String message) {
  enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  static Outcome passed() {
    return new Outcome(Status.PASSED, "");
  }

  static Outcome failed(String message) {
    return new Outcome(Status.FAILED, message);
  }

  static Outcome skipped(String reason) {
    return new Outcome(Status.SKIPPED, reason);
  }
}
