package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions the runner makes before touching delta4j: what is skipped and why; the summary. */
class CaseRunnerTest {
  @TempDir Path shared;

  private CaseRunner runner() {
    return new CaseRunner(Corpus.shared(shared), new Fixtures(Map.of(), shared.resolve("work")), new OpenTables());
  }

  private static ConformanceCase parseOne(String line) {
    return CaseFile.parse(new StringReader(line), "test.tsv").get(0);
  }

  /**
   * The change data feed is read, not skipped: counts, typed rows with the change columns and
   * invalid ranges. tests-data/simple only appends (ids 1-3 at 0, 4-5 at 1, 6-7 at 2), which is
   * exact without change data feed enabled.
   */
  @Test
  void changesAreReadAndCompared() {
    CaseRunner runner = new CaseRunner(Corpus.testsData(Path.of("tests-data").toAbsolutePath()),
        new Fixtures(Map.of(), shared.resolve("work")), new OpenTables());
    assertEquals(Outcome.passed(), runner.run(parseOne("tests-data\tsimple\tlatest\tchanges\t0..latest: 7\ts\n")));
    assertEquals(Outcome.passed(), runner.run(parseOne(
        "tests-data\tsimple\tlatest\tchanges\t1..2: where _commit_version = 2 => 2\ts\n")));
    assertEquals(Outcome.passed(), runner.run(parseOne("tests-data\tsimple\tlatest\tchanges\t1..2: "
        + "id:long, _change_type:string, _commit_version:long = (4, 'insert', 1), (5, 'insert', 1), (6, 'insert', 2),"
        + " (7, 'insert', 2)\ts\n")));
    assertEquals(Outcome.passed(), runner.run(parseOne(
        "tests-data\tsimple\tlatest\tchanges\t2..1: error VersionNotFoundException: from version 2 to 1\ts\n")));

    Outcome wrongCount = runner.run(parseOne("tests-data\tsimple\tlatest\tchanges\t0..1: 6\ts\n"));
    assertEquals(Outcome.failed("simple @latest changes (tests-data, tests-data-cases.tsv line 1) 0..1:"
        + " expected 6 change rows, actual 5"), wrongCount);
    Outcome wrongRows = runner.run(parseOne(
        "tests-data\tsimple\tlatest\tchanges\t2..2: id:long, _change_type:string = (6, 'insert'), (7, 'delete')\ts\n"));
    assertEquals(Outcome.Status.FAILED, wrongRows.status());
    assertEquals("simple @latest changes (tests-data, tests-data-cases.tsv line 1) 2..2: expected 2 rows, actual 2;"
        + " missing 1: {_change_type=string:\"delete\", id=long:7}; unexpected 1: {_change_type=string:\"insert\", id=long:7}",
        wrongRows.message());
    Outcome noError = runner.run(parseOne(
        "tests-data\tsimple\tlatest\tchanges\t0..2: error VersionNotFoundException: x\ts\n"));
    assertEquals(Outcome.Status.FAILED, noError.status());
  }

  /** Rows are read, not skipped: a right expectation passes, a wrong one fails and says what differs. */
  @Test
  void rowsAreComparedAsTypedMultisets() {
    CaseRunner runner = new CaseRunner(Corpus.testsData(Path.of("tests-data").toAbsolutePath()),
        new Fixtures(Map.of(), shared.resolve("work")), new OpenTables());
    assertEquals(Outcome.passed(), runner.run(parseOne(
        "tests-data\tsimple\tv1\trows\tid:long = 1..5\ts\n")));
    assertEquals(Outcome.passed(), runner.run(parseOne(
        "tests-data\tsimple\tlatest\trows\twhere id > 5 => id:long, name:string = (6, 'name-6'), (7, 'name-7')\ts\n")));
    assertEquals(Outcome.passed(), runner.run(parseOne(
        "tests-data\tsimple\tlatest\trowCount\twhere id > 5 OR name = 'name-1' => 3\ts\n")));

    Outcome duplicate = runner.run(parseOne("tests-data\tsimple\tv1\trows\tid:long = 1..4, 4\ts\n"));
    assertEquals(Outcome.Status.FAILED, duplicate.status());
    assertEquals("simple @v1 rows (tests-data, tests-data-cases.tsv line 1): expected 5 rows, actual 5;"
        + " missing 1: {id=long:4}; unexpected 1: {id=long:5}", duplicate.message());

    Outcome wrongType = runner.run(parseOne("tests-data\tsimple\tv1\trows\tid:int = 1..5\ts\n"));
    assertEquals(Outcome.Status.FAILED, wrongType.status());
    assertEquals("simple @v1 rows (tests-data, tests-data-cases.tsv line 1): column id is long, the case states int",
        wrongType.message());

    Outcome count = runner.run(parseOne("tests-data\tsimple\tv1\trowCount\t4\ts\n"));
    assertEquals(Outcome.Status.FAILED, count.status());
  }

  @Test
  void aTableMissingFromSharedIsSkipped() {
    Outcome outcome = runner().run(parseOne("golden\tgolden/absent\tlatest\tversion\t3\ts\n"));
    assertEquals(Outcome.skipped("missing data file: golden/absent"), outcome);
    // A missing table is the more precise reason, also for row-data cases.
    Outcome rows = runner().run(parseOne("golden\tgolden/absent\tlatest\trowCount\t41\ts\n"));
    assertEquals(Outcome.skipped("missing data file: golden/absent"), rows);
  }

  @Test
  void aTableMissingFromTestsDataFails() {
    CaseRunner runner = new CaseRunner(
        Corpus.testsData(shared), new Fixtures(Map.of(), shared.resolve("work")), new OpenTables());
    Outcome outcome = runner.run(parseOne("tests-data\tabsent\tlatest\tversion\t3\ts\n"));
    assertEquals(Outcome.Status.FAILED, outcome.status());
    assertEquals("absent @latest version (tests-data, tests-data-cases.tsv line 1): no table at "
        + shared.resolve("absent"), outcome.message());
  }

  @Test
  void summaryIsOneCountLineThenOneLinePerSkip() {
    Summary summary = new Summary("conformance");
    ConformanceCase a = parseOne("golden\tgolden/a\tlatest\tversion\t3\ts\n");
    ConformanceCase b = parseOne("golden\tgolden/b\tlatest\tchanges\t0..latest: 41\ts\n");
    ConformanceCase c = parseOne("dat\tdat/c/delta\tv1\tcount\t5\ts\n");
    summary.record(a, Outcome.passed());
    summary.record(b, Outcome.skipped("missing data file: golden/b"));
    summary.record(c, Outcome.failed("dat/c/delta @v1 count: expected 5, actual 4"));
    assertEquals(
        List.of(
            "conformance: 1 passed, 1 failed, 1 skipped",
            "  skipped [golden] golden/b @latest changes = 0..latest: 41: missing data file: golden/b"),
        summary.lines());
    assertEquals(List.of("dat/c/delta @v1 count: expected 5, actual 4"), summary.failures());
  }
}
