package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CorruptLogException;
import io.delta4j.TableNotFoundException;
import io.delta4j.conformance.Expectations.ExpectedDomain;
import io.delta4j.conformance.Expectations.ExpectedDv;
import io.delta4j.conformance.Expectations.ExpectedError;
import io.delta4j.conformance.Expectations.ExpectedFilter;
import io.delta4j.conformance.Expectations.ExpectedHistory;
import io.delta4j.conformance.Expectations.ExpectedNullCount;
import io.delta4j.conformance.Expectations.ExpectedProtocol;
import io.delta4j.conformance.Expectations.ExpectedTxn;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The case file format: parsing, validation, and the shipped cases.tsv. */
class CaseFileTest {
  private static List<ConformanceCase> parse(String text) {
    return CaseFile.parse(new StringReader(text), "test.tsv");
  }

  @Test
  void skipsCommentsBlankLinesAndHeader() {
    List<ConformanceCase> cases = parse("""
        # a comment
        suite\ttable\tat\tcheck\texpected\tsource

        delta-rs\tdelta-rs-data/delta-0.2.0\tlatest\tversion\t3\tseed
        golden\tgolden/x\tv2\tcount\t4\t
        """);
    assertEquals(2, cases.size());
    ConformanceCase first = cases.get(0);
    assertEquals(4, first.line());
    assertEquals("delta-rs", first.suite());
    assertEquals("delta-rs-data/delta-0.2.0", first.table());
    assertInstanceOf(SnapshotRef.Latest.class, first.at());
    assertEquals(Check.VERSION, first.check());
    assertEquals("3", first.expected());
    assertEquals("seed", first.source());
    assertEquals(new SnapshotRef.AtVersion(2), cases.get(1).at());
    assertEquals("", cases.get(1).source());
  }

  @Test
  void rejectsMalformedLinesNamingTheLine() {
    assertMessage("test.tsv line 2: expected 6 tab-separated columns", "# c\ngolden\tt\tlatest\tversion\t3\n");
    assertMessage("unknown check \"versions\"", "golden\tt\tlatest\tversions\t3\ts\n");
    assertMessage("unknown suite \"gold\"", "gold\tt\tlatest\tversion\t3\ts\n");
    assertMessage("bad \"at\" value \"head\"", "golden\tt\thead\tversion\t3\ts\n");
    assertMessage("not a number: \"three\"", "golden\tt\tlatest\tversion\tthree\ts\n");
    assertMessage("bad protocol \"1-2\"", "golden\tt\tlatest\tprotocol\t1-2\ts\n");
    assertMessage("bad error \"IOException: x\"", "golden\tt\tlatest\terror\tIOException: x\ts\n");
    assertMessage("duplicate path", "golden\tt\tlatest\tset\ta|b|a\ts\n");
    assertMessage("column 5 is empty", "golden\tt\tlatest\tcount\t\ts\n");
    assertMessage("bad timestamp", "golden\tt\tts:2018-10-24 21:14\tversion\t0\ts\n");
    assertMessage("bad domain \"d\"", "golden\tt\tlatest\tdomain\td\ts\n");
    assertMessage("bad history \"12,11\"", "golden\tt\tlatest\thistory\t12,11\ts\n");
    assertMessage("bad history entry \"WRITE\"", "golden\tt\tlatest\thistory\t2: WRITE\ts\n");
    assertMessage("bad map entry \"a\"", "golden\tt\tlatest\tproperties\ta|b=c\ts\n");
    assertMessage("bad schema", "golden\tt\tlatest\tschema\tid:long\ts\n");
    assertMessage("bad partitionFilter", "golden\tt\tlatest\tpartitionFilter\tcity = Paris\ts\n");
    assertMessage("bad nullCount entry \"p\"", "golden\tt\tlatest\tnullCount\tb: p\ts\n");
    assertMessage("bad rows \"41\"", "golden\tt\tlatest\trows\t41\ts\n");
    assertMessage("bad int literal \"x\"", "golden\tt\tlatest\trows\tid:int = 1, x\ts\n");
    assertMessage("not a number: \"many\"", "golden\tt\tlatest\trowCount\twhere id > 1 => many\ts\n");
    assertMessage("Expected", "golden\tt\tlatest\trowCount\twhere id > => 1\ts\n");
    assertMessage("an absent transaction has no lastUpdated",
        "golden\tt\tlatest\ttxn\ta=none lastUpdated=2024-01-01T00:00:00Z\ts\n");
  }

  private static void assertMessage(String fragment, String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(text));
    assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks " + fragment);
  }

  @Test
  void parsesSnapshotRefs() {
    assertEquals(new SnapshotRef.AtVersion(-1), SnapshotRef.parse("v-1"));
    SnapshotRef.AsOf asOf = (SnapshotRef.AsOf) SnapshotRef.parse("ts:2020-05-02T22:47:31-07:00");
    assertEquals(Instant.parse("2020-05-03T05:47:31Z"), asOf.instant());
    assertEquals("ts:2020-05-02T22:47:31-07:00", asOf.toString());
    assertEquals(Instant.ofEpochMilli(1540416258000L), ((SnapshotRef.AsOf) SnapshotRef.parse("ts:2018-10-24T21:24:18Z")).instant());
  }

  @Test
  void parsesExpectations() {
    assertEquals(new ExpectedProtocol(1, 2, Optional.empty(), Optional.empty()), ExpectedProtocol.parse("1/2"));
    assertEquals(
        new ExpectedProtocol(3, 7, Optional.of(Set.of()), Optional.of(Set.of("appendOnly", "invariants"))),
        ExpectedProtocol.parse("3/7 R[] W[appendOnly,invariants]"));
    assertEquals(new ExpectedTxn("my-app", OptionalLong.of(3)), ExpectedTxn.parse("my-app=3"));
    assertEquals(new ExpectedTxn("a=b", OptionalLong.empty()), ExpectedTxn.parse("a=b=none"));
    assertEquals(new ExpectedDv(11, 8), ExpectedDv.parse("11 on 8 files"));
    assertEquals(List.of("year", "month", "day"), Expectations.parseList("year,month,day"));
    assertEquals(Set.of("a b", "c%20d"), Expectations.parseSet("a b|c%20d"));
    assertEquals(
        new ExpectedTxn("feed", OptionalLong.of(7), Optional.of(Instant.parse("2024-01-01T08:00:00Z"))),
        ExpectedTxn.parse("feed=7 lastUpdated=2024-01-01T08:00:00Z"));
    assertEquals(new ExpectedDomain("zzz.unknown", Optional.of("opaque, not JSON")),
        ExpectedDomain.parse("zzz.unknown=opaque, not JSON"));
    assertEquals(new ExpectedDomain("a.b", Optional.of("{\"x\":\"=\"}")), ExpectedDomain.parse("a.b={\"x\":\"=\"}"));
    assertEquals(new ExpectedDomain("a.b", Optional.empty()), ExpectedDomain.parse("a.b=none"));
    ExpectedHistory history = ExpectedHistory.parse("20: 12 WRITE,11,0 CREATE TABLE AS SELECT");
    assertEquals(new ExpectedHistory(20, List.of("12 WRITE", "11", "0 CREATE TABLE AS SELECT")), history);
    assertTrue(history.checksOperation(0));
    assertFalse(history.checksOperation(1));
    assertFalse(history.checksOperation(3));
    assertEquals(new ExpectedFilter("city", Optional.of("New York"), Set.of("a", "b")),
        ExpectedFilter.parse("city=New York: a|b"));
    assertEquals(new ExpectedFilter("city", Optional.empty(), Set.of()), ExpectedFilter.parse("city IS NULL: none"));
    assertEquals(
        new ExpectedNullCount("birthday", Set.of("p1=1", "p7=2")), ExpectedNullCount.parse("birthday: p1=1|p7=2"));
    assertEquals(Map.of("a", "1", "b", "x=y"), Expectations.parseMap("a=1|b=x=y"));
    assertEquals(Map.of(), Expectations.parseMap("none"));
    assertEquals(Set.of(), Expectations.parseSetOrNone("none"));
  }

  @Test
  void errorExpectationsMatchTypeAndFragmentCaseInsensitively() {
    ExpectedError e = ExpectedError.parse("CorruptLogException: metadata");
    assertTrue(e.matches(new CorruptLogException("/t", "Cannot load version 0: no metaData action was found")));
    assertFalse(e.matches(new CorruptLogException("/t", "Cannot load version 0: no protocol action was found")));
    assertFalse(e.matches(new TableNotFoundException("/t", "no metadata")));
    assertFalse(e.matches(new IllegalStateException("No metadata found")));
  }

  @Test
  void shippedCaseFileLoadsAndHoldsTheSeedExample() {
    List<ConformanceCase> cases = CaseFile.load(Corpus.shared(Path.of("../shared")));
    assertTrue(cases.size() > 150, "only " + cases.size() + " cases");
    ConformanceCase seed = cases.stream()
        .filter(c -> c.table().equals("delta-rs-data/delta-0.2.0") && c.check() == Check.SET
            && c.at() instanceof SnapshotRef.Latest)
        .findFirst()
        .orElseThrow();
    assertEquals(
        Set.of(
            "part-00000-cb6b150b-30b8-4662-ad28-ff32ddab96d2-c000.snappy.parquet",
            "part-00000-7c2deba3-1994-4fb8-bc07-d46c948aa415-c000.snappy.parquet",
            "part-00001-c373a5bd-85f0-4758-815e-7eb62007a15c-c000.snappy.parquet"),
        Expectations.parseSet(seed.expected()));
    for (String suite : Corpus.SHARED_SUITES) {
      assertTrue(cases.stream().anyMatch(c -> c.suite().equals(suite)), "no case for suite " + suite);
    }
  }
}
