package io.delta4j.expr;

import static io.delta4j.expr.Predicates.and;
import static io.delta4j.expr.Predicates.equal;
import static io.delta4j.expr.Predicates.greaterThan;
import static io.delta4j.expr.Predicates.greaterThanOrEqual;
import static io.delta4j.expr.Predicates.lessThan;
import static io.delta4j.expr.Predicates.lessThanOrEqual;
import static io.delta4j.expr.Predicates.parse;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.SharedTables;
import io.delta4j.Snapshot;
import io.delta4j.log.action.AddFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file filter over the shared golden tables, through the public API: which files of {@code
 * snapshot().addFiles()} it keeps, against what Delta Kernel's and delta-kernel-rs's tests state
 * (golden-catalog.md §C and §E, kernel-rs-catalog.md). Row counts are the kept files' {@code
 * numRecords}. Skips when the tables are absent.
 */
class FileFilterGoldenTest {
  private static final Pattern NUM_RECORDS = Pattern.compile("\"numRecords\":\\s*(\\d+)");

  /** The kept files of the table at {@code relative} (under the shared root) for {@code predicate}. */
  private static List<AddFile> kept(String relative, Predicate predicate) {
    Path table = SharedTables.root().resolve(relative);
    assumeTrue(Files.isDirectory(table), () -> "Table not found: " + table);
    try (DeltaTable delta = DeltaTable.open(table.toString())) {
      Snapshot snapshot = delta.snapshot();
      FileFilter filter = FileFilter.forSnapshot(snapshot, predicate);
      List<AddFile> kept = new ArrayList<>();
      try (CloseableIterator<AddFile> files = snapshot.addFiles()) {
        files.forEachRemaining(file -> {
          if (filter.mightMatch(file)) {
            kept.add(file);
          }
        });
      }
      return kept;
    }
  }

  private static int files(String relative, String predicate) {
    return kept(relative, parse(predicate)).size();
  }

  private static long rows(String relative, String predicate) {
    long rows = 0;
    for (AddFile file : kept(relative, parse(predicate))) {
      Matcher m = NUM_RECORDS.matcher(file.stats().orElseThrow());
      rows += m.find() ? Long.parseLong(m.group(1)) : 0;
    }
    return rows;
  }

  private static Executable keeps(String table, Predicate predicate, int files) {
    return () -> assertEquals(files, kept(table, predicate).size(), table + ": " + predicate);
  }

  /** A column with the value its one row holds, a smaller and a bigger one. */
  private record Values(String column, Object value, Object smaller, Object bigger) {}

  private static final List<Values> ALL_TYPES = List.of(
      new Values("as_int", 0, -1, 1),
      new Values("as_long", 0L, -1L, 1L),
      new Values("as_byte", (byte) 0, (byte) -1, (byte) 1),
      new Values("as_short", (short) 0, (short) -1, (short) 1),
      new Values("as_float", 0f, -1f, 1f),
      new Values("as_double", 0.0, -1.0, 1.0),
      new Values("as_string", "0", "!", "1"),
      new Values("as_date", LocalDate.of(2000, 1, 1), LocalDate.of(1999, 1, 1), LocalDate.of(2000, 1, 2)),
      new Values("as_timestamp", Instant.parse("2000-01-01T08:00:00Z"), Instant.parse("1999-12-31T08:00:00Z"),
          Instant.parse("2000-01-02T08:00:00Z")),
      new Values("as_big_decimal", BigDecimal.ZERO, BigDecimal.ONE.negate(), BigDecimal.ONE));

  /** K-SCAN "basic data skipping for all types - all CM modes + checkpoint"; the timestamp column is our addition. */
  @ParameterizedTest
  @ValueSource(strings = {
    "data-skipping-basic-stats-all-types",
    "data-skipping-basic-stats-all-types-checkpoint",
    "data-skipping-basic-stats-all-types-columnmapping-name",
    "data-skipping-basic-stats-all-types-columnmapping-id"})
  void basicStatsOfAllTypes(String name) {
    String table = "golden/delta-golden/" + name;
    List<Executable> checks = new ArrayList<>();
    for (Values v : ALL_TYPES) {
      for (Function<Object, Predicate> hit : List.<Function<Object, Predicate>>of(
          x -> equal(v.column(), x), x -> greaterThanOrEqual(v.column(), x), x -> lessThanOrEqual(v.column(), x))) {
        checks.add(keeps(table, hit.apply(v.value()), 1));
      }
      checks.add(keeps(table, greaterThan(v.column(), v.smaller()), 1));
      checks.add(keeps(table, lessThan(v.column(), v.bigger()), 1));
      checks.add(keeps(table, equal(v.column(), v.smaller()), 0));
      checks.add(keeps(table, lessThan(v.column(), v.value()), 0));
      checks.add(keeps(table, lessThanOrEqual(v.column(), v.smaller()), 0));
      boolean floating = v.value() instanceof Float || v.value() instanceof Double;
      // Kernel misses these two for float and double too; we keep the file because a writer that
      // leaves NaN out of max (as Parquet statistics do) may hide NaN rows, which are above every
      // number. For timestamps, the maximum is widened by 1 ms, so "> value" keeps the file.
      checks.add(keeps(table, greaterThan(v.column(), v.value()),
          floating || v.value() instanceof Instant ? 1 : 0));
      checks.add(keeps(table, greaterThanOrEqual(v.column(), v.bigger()), floating ? 1 : 0));
    }
    assertAll(table, checks);
  }

  /** K-SCAN "data skipping - implicit casting works", "filter on non-existent column"; K-RIT counts. */
  @Test
  void basicStatsCastsAndCounts() {
    String table = "golden/delta-golden/data-skipping-basic-stats-all-types";
    assertEquals(1, kept(table, equal("as_short", 0f)).size());
    assertEquals(1, kept(table, equal("as_float", (short) 0)).size());
    assertEquals(0, kept(table, equal("as_short", 1f)).size());
    assertEquals(0, kept(table, equal("as_float", (short) 1)).size());
    assertEquals(0, files("golden/delta-golden/data-skipping-basic-stats-all-types-checkpoint", "as_int > 0"));
    assertEquals(0, files("golden/delta-golden/data-skipping-basic-stats-all-types-columnmapping-id", "as_int = 1"));
    assertEquals(1, files(table, "as_string IS NOT NULL AND as_timestamp = TIMESTAMP '2000-01-01 08:00:00'"));
    assertEquals(0, files(table, "as_string IS NULL OR as_timestamp < '2000-01-01 08:00:00'"));
    // Kernel keeps the file for a column that does not exist; delta4j refuses the filter
    assertEquals("Column \"foo\" does not exist; the table has [as_int, as_long, as_byte, as_short, as_float, as_double,"
        + " as_string, as_date, as_timestamp, as_big_decimal].",
        assertThrows(IllegalArgumentException.class, () -> files(table, "foo = 1")).getMessage());
  }

  /** K-SCAN "data skipping - stats collected changing across versions". */
  @Test
  void statsCollectedChangeAcrossVersions() {
    String table = "golden/delta-golden/data-skipping-change-stats-collected-across-versions";
    assertEquals(3, files(table, "TRUE"));
    assertEquals(1, files(table, "col1 = 1"));
    assertEquals(2, files(table, "col2 = 1"));
    assertEquals(1, files(table, "col1 = 1 AND col2 = 1"));
  }

  /** Not partitioned despite its name; catalog §E: "part > 0 AND id > 0 keeps 1 file". */
  @Test
  void partitionAndDataColumnTableIsSkippedByStats() {
    String table = "golden/delta-golden/data-skipping-partition-and-data-column";
    assertEquals(1, files(table, "part > 0 AND id > 0"));
    assertEquals(3, files(table, "part > 0 OR id > 0"));
  }

  /** K-PP "partition pruning: simple filter ...": each file holds one row. */
  @Test
  void partitionValuesOfEveryType() {
    for (String table : List.of("golden/delta-golden/data-reader-partition-values",
        "golden/kernel/data-reader-partition-values-column-mapping-name")) {
      assertAll(table,
          keeps(table, equal("as_int", 1), 1),
          keeps(table, equal("as_long", 1L), 1),
          keeps(table, equal("as_byte", (byte) 1), 1),
          keeps(table, equal("as_short", (short) 1), 1),
          keeps(table, equal("as_boolean", false), 1),
          keeps(table, equal("as_float", 1f), 1),
          keeps(table, equal("as_double", 1.0), 1),
          keeps(table, equal("as_string", "1"), 1),
          keeps(table, equal("as_date", LocalDate.of(2021, 9, 8)), 2),
          keeps(table, equal("as_timestamp", Instant.ofEpochSecond(1631099471)), 2), // 2021-09-08 11:11:11 read as UTC
          keeps(table, equal("as_big_decimal", BigDecimal.ONE), 1),
          keeps(table, equal("as_int", null), 0),
          keeps(table, parse("as_int IS NULL"), 1),
          keeps(table, parse("NOT (as_int = 1)"), 1),
          keeps(table, parse("as_int IN (0, 1) AND as_string <> '0'"), 1),
          keeps(table, parse("as_int = 0 OR as_double > 0.5"), 2),
          keeps(table, parse("as_int IS NULL AND value = '2'"), 1));
    }
    String golden = "golden/delta-golden/data-reader-partition-values";
    assertEquals(2, files(golden, "as_string_lit_null = 'null'")); // the string "null" is not null
    assertEquals(1, files(golden, "as_string_lit_null IS NULL"));
  }

  /** K-PP "partition pruning on timestamp_ntz columns", in all three column mapping modes. */
  @ParameterizedTest
  @ValueSource(strings = {"data-reader-timestamp_ntz", "data-reader-timestamp_ntz-id-mode",
    "data-reader-timestamp_ntz-name-mode"})
  void timestampNtzPartitions(String name) {
    String table = "golden/delta-golden/" + name;
    assertEquals(9, rows(table, "TRUE"));
    assertEquals(1, files(table, "tsNtzPartition = TIMESTAMP_NTZ '2021-11-18 02:30:00.123456'"));
    assertEquals(3, rows(table, "tsNtzPartition = TIMESTAMP_NTZ '2021-11-18 02:30:00.123456'"));
    assertEquals(0, files(table, "tsNtzPartition = NULL"));
    assertEquals(6, rows(table, "tsNtzPartition >= '2013-07-05 17:01:00.123456'"));
    assertEquals(3, rows(table, "tsNtzPartition IS NULL"));
    assertEquals(9, rows(table, "tsNtz = '2013-07-05 17:01:00.123456' OR tsNtzPartition = '2013-07-05 17:01:00.123456'"));
    // statistics of the data column, truncated to milliseconds
    assertEquals(3, files(table, "tsNtz = TIMESTAMP_NTZ '2021-11-18 02:30:00.123456'"));
    assertEquals(0, files(table, "tsNtz < TIMESTAMP_NTZ '2013-07-05 17:01:00.123'"));
    assertEquals(1, files(table, "tsNtzPartition IS NULL AND id >= 6"));
    assertEquals(0, files(table, "tsNtzPartition IS NOT NULL AND id >= 6"));
  }

  /** K-RIT partition_pruning_simple_filter(_no_pruning); K-DTR "... ISO8601 ... with partition pruning". */
  @Test
  void decimalAndIsoTimestampPartitions() {
    String decimals = "golden/delta-golden/basic-decimal-table";
    assertEquals(1, files(decimals, "part = 2342222.23454"));
    assertEquals(4, files(decimals, "NOT (part = 0)"));
    assertEquals(3, files(decimals, "part > 0.00004 OR col1 < -999"));
    assertEquals(1, files(decimals, "part > 0 AND col1 < 1"));
    String iso = "golden/delta-golden/kernel-timestamp-partition-col-ISO8601";
    assertEquals(1, kept(iso, equal("ts", Instant.ofEpochSecond(1704103200))).size());
    assertEquals(1, files(iso, "ts > '2024-01-01T10:00:00Z'"));
  }

  /** kernel-rs read.rs::mixed_null / mixed_not_null: part 0 is all null, part 1 has no null. */
  @Test
  void mixedNulls() {
    String table = "kernel-rs-data/data/mixed-nulls";
    assertEquals(List.of("0", "2"), partitions(kept(table, parse("n IS NULL"))));
    assertEquals(List.of("1", "2"), partitions(kept(table, parse("n IS NOT NULL"))));
  }

  /** kernel-rs test_scan_metrics(partition_filter), predicate_on_number, predicate_null. */
  @Test
  void basicPartitioned() {
    String table = "kernel-rs-data/data/basic_partitioned";
    assertEquals(6, files(table, "TRUE"));
    assertEquals(2, files(table, "letter = 'a'"));
    assertEquals(3, files(table, "number < 4"));
    assertEquals(1, files(table, "letter IS NULL"));
    assertEquals(0, files(table, "number IS NULL"));
    assertEquals(1, files(table, "a_float < 2"));
    assertEquals(1, files(table, "letter = 'a' AND number > 2"));
  }

  /** kernel-rs void_predicate_skips_via_null_count, void_predicate_pruning_scan_file_count. */
  @Test
  void voidColumn() {
    String table = "kernel-rs-data/data/void-column";
    assertEquals(0, files(table, "void_col IS NOT NULL"));
    assertEquals(3, files(table, "void_col IS NULL"));
    assertEquals(0, files(table, "void_col = 1 OR id > 3"));
  }

  private static List<String> partitions(List<AddFile> files) {
    return files.stream().map(f -> f.partitionValues().get("part")).sorted().toList();
  }
}
