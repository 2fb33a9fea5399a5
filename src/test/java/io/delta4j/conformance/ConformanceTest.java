package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    Path shared = Path.of(System.getProperty("delta4j.shared", "../shared")).toAbsolutePath().normalize();
    if (!Files.isDirectory(shared)) {
      String message = "conformance: skipped, no shared reference tables at " + shared
          + " (set -Ddelta4j.shared=<dir holding golden/, kernel-rs-data/, delta-rs-data/, dat/>)";
      System.out.println(message);
      // A skipped test rather than an aborted factory, so that reports count the suite as skipped.
      return Stream.of(dynamicTest("conformance (no shared tables)", () -> Assumptions.abort(message)));
    }
    List<ConformanceCase> cases = CaseFile.load();
    Summary summary = new Summary();
    OpenTables tables = new OpenTables();
    CaseRunner runner = new CaseRunner(shared, Fixtures.load(workDir), tables);

    Stream<DynamicTest> each = cases.stream().map(c -> dynamicTest(c.name(), () -> {
      Outcome outcome = runner.run(c);
      summary.record(c, outcome);
      switch (outcome.status()) {
        case FAILED -> fail(outcome.message());
        case SKIPPED -> Assumptions.abort(outcome.message());
        case PASSED -> { }
      }
    }));
    // Dynamic tests run in stream order, so this one runs after every case.
    DynamicTest report = dynamicTest("conformance summary", () -> {
      tables.close();
      summary.lines().forEach(System.out::println);
      List<String> failures = summary.failures();
      if (!failures.isEmpty()) {
        int shown = Math.min(20, failures.size());
        fail(failures.size() + " conformance cases failed, first " + shown + ":\n  "
            + String.join("\n  ", failures.subList(0, shown)));
      }
    });
    return Stream.concat(each, Stream.of(report));
  }
}
