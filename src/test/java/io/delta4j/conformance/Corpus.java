package io.delta4j.conformance;

import java.nio.file.Path;
import java.util.Set;

/**
 * A set of tables and the case file about them: the shared reference corpus (issue #2) or the
 * project's own {@code tests-data/}, which every clone has.
 *
 * @param label how the summary line names the run ({@code <label>: N passed, N failed, N skipped})
 * @param root the directory the case file's table paths are relative to
 * @param caseFile the case file, a test resource
 * @param fixtureFile the tables to prepare before reading them, a test resource
 * @param suites the suites the case file may use
 * @param missingTableSkips whether a table missing from {@code root} skips its cases; otherwise it
 *     fails them (the tests-data tables are part of the repository, so a missing one is a bug)
 */
record Corpus(
    String label, Path root, String caseFile, String fixtureFile, Set<String> suites, boolean missingTableSkips) {
  static final Set<String> SHARED_SUITES = Set.of("golden", "kernel-rs", "delta-rs", "dat");

  static Corpus shared(Path root) {
    return new Corpus(
        "conformance", root, "/conformance/cases.tsv", "/conformance/fixtures.tsv", SHARED_SUITES, true);
  }

  static Corpus testsData(Path root) {
    return new Corpus(
        "tests-data conformance",
        root,
        "/conformance/tests-data-cases.tsv",
        "/conformance/tests-data-fixtures.tsv",
        Set.of("tests-data"),
        false);
  }

  /** This corpus, named {@code label} in its summary line. */
  Corpus relabelled(String label) {
    return new Corpus(label, root, caseFile, fixtureFile, suites, missingTableSkips);
  }

  /** The case file's name without its directory, as failure messages cite it. */
  String caseFileName() {
    return caseFile.substring(caseFile.lastIndexOf('/') + 1);
  }
}
