package io.delta4j.conformance;

import java.util.Objects;
import java.util.Set;

/**
 * One line of a case file: a statement from a catalog (or from tests-data/README.md) about one
 * table, checked through the public API.
 *
 * @param line the 1-based line in the case file, for error messages
 * @param table the table root relative to the corpus root
 * @param expected the raw expected value; its format depends on {@code check} (see {@link Expectations})
 * @param source the statement the case comes from
 */
record ConformanceCase(
    int line, String suite, String table, SnapshotRef at, Check check, String expected, String source) {
  static final Set<String> SUITES = Set.of("golden", "kernel-rs", "delta-rs", "dat", "tests-data");

  ConformanceCase {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(source, "source");
    if (!SUITES.contains(suite)) {
      throw new IllegalArgumentException("unknown suite \"" + suite + "\"; expected one of " + SUITES);
    }
    Expectations.validate(check, expected);
  }

  /** A short, unique-enough display name: suite, table, snapshot, check and expected value. */
  String name() {
    String shown = expected.length() > 60 ? expected.substring(0, 57) + "..." : expected;
    return "[" + suite + "] " + table + " @" + at + " " + check.token() + " = " + shown;
  }
}
