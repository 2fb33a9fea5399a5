package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-path rules of issue #2 on the project's own tables (tests-data-cases.tsv against
 * {@code tests-data/}, whose expected answers tests-data/README.md states), so that a fresh clone
 * without {@code ../shared} still tests every rule. Same harness as {@link ConformanceTest}; prints
 * {@code tests-data conformance: N passed, N failed, N skipped}. It never skips for lack of data:
 * tests-data is part of the repository.
 */
class TestDataConformanceTest {
  @TempDir static Path workDir;

  @TestFactory
  Stream<DynamicTest> testsDataConformance() {
    // Surefire runs in the project directory, as the CLI and DeltaTable tests assume too.
    Path root = Path.of("tests-data").toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      return Stream.of(dynamicTest("tests-data conformance (no tests-data)",
          () -> fail("no tests-data directory at " + root + "; run the tests from the project directory")));
    }
    return ConformanceSuite.dynamicTests(Corpus.testsData(root), workDir);
  }
}
