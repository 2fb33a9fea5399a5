package io.delta4j.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.delta4j.SharedTables;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-path conformance suite (issue #2): every case of cases.tsv, one dynamic test each, against
 * the reference tables under the shared root (system property {@code delta4j.shared}, default
 * {@code ../shared}). A final test prints the summary and fails when any case failed.
 */
class ConformanceTest {
  @TempDir static Path workDir;

  @TestFactory
  Stream<DynamicTest> conformance() {
    Optional<Path> shared = SharedTables.find();
    if (shared.isEmpty()) {
      String message = "conformance: skipped, no shared reference tables at " + SharedTables.configured()
          + " (set -Ddelta4j.shared=<dir holding golden/, kernel-rs-data/, delta-rs-data/, dat/>)";
      System.out.println(message);
      // A skipped test rather than an aborted factory, so that reports count the suite as skipped.
      return Stream.of(dynamicTest("conformance (no shared tables)", () -> Assumptions.abort(message)));
    }
    return ConformanceSuite.dynamicTests(Corpus.shared(shared.get()), workDir);
  }
}
