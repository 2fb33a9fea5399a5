package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns a corpus's case file into dynamic tests: one per case, then a summary test that prints the
 * summary lines and fails when any case failed. Shared by {@link ConformanceTest} and
 * {@link TestDataConformanceTest}.
 */
final class ConformanceSuite {
  private ConformanceSuite() {}

  /**
   * Every case of the corpus, on the tables where they are on disk.
   *
   * @param workDir where tables that need preparation (fixtures) are copied
   */
  static Stream<DynamicTest> dynamicTests(Corpus corpus, Path workDir) {
    return dynamicTests(corpus, workDir, TableLocations.local(), c -> true);
  }

  /** The {@code selected} cases of the corpus, on the tables at {@code locations}. */
  static Stream<DynamicTest> dynamicTests(
      Corpus corpus, Path workDir, TableLocations locations, Predicate<ConformanceCase> selected) {
    List<ConformanceCase> cases = CaseFile.load(corpus).stream().filter(selected).toList();
    Summary summary = new Summary(corpus.label());
    OpenTables tables = new OpenTables(locations);
    CaseRunner runner = new CaseRunner(corpus, Fixtures.load(corpus.fixtureFile(), workDir), tables);

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
    DynamicTest report = dynamicTest(corpus.label() + " summary", () -> {
      tables.close();
      summary.lines().forEach(System.out::println);
      List<String> failures = summary.failures();
      if (!failures.isEmpty()) {
        int shown = Math.min(20, failures.size());
        fail(failures.size() + " " + corpus.label() + " cases failed, first " + shown + ":\n  "
            + String.join("\n  ", failures.subList(0, shown)));
      }
    });
    return Stream.concat(each, Stream.of(report));
  }
}
