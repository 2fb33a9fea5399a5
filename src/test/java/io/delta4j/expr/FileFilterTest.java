package io.delta4j.expr;

import io.delta4j.types.ColumnMappingMode;
import static io.delta4j.expr.FileMatch.ALL;
import static io.delta4j.expr.FileMatch.NONE;
import static io.delta4j.expr.FileMatch.SOME;
import static io.delta4j.expr.TestSchemas.field;
import static io.delta4j.expr.TestSchemas.mapped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.log.action.AddFile;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@link FileFilter}: partition pruning and statistics skipping on hand-written add actions. */
class FileFilterTest {
  private static final StructType SCHEMA = StructType.of(
      field("id", PrimitiveType.LONG),
      field("str", PrimitiveType.STRING),
      field("d", PrimitiveType.DOUBLE),
      field("f", PrimitiveType.FLOAT),
      field("ts", PrimitiveType.TIMESTAMP),
      field("ntz", PrimitiveType.TIMESTAMP_NTZ),
      field("day", PrimitiveType.DATE),
      field("dec", new DecimalType(10, 2)),
      field("flag", PrimitiveType.BOOLEAN),
      field("v", PrimitiveType.VOID),
      field("address", TestSchemas.ADDRESS),
      field("tags", new ArrayType(PrimitiveType.STRING, true)),
      field("part", PrimitiveType.STRING),
      field("p_int", PrimitiveType.INTEGER));

  private static final List<String> PARTITIONS = List.of("part", "p_int");

  private static FileMatch stats(String predicate, String stats) {
    return stats(Predicates.parse(predicate), stats);
  }

  private static FileMatch stats(Predicate predicate, String stats) {
    return FileFilter.create(predicate, SCHEMA, PARTITIONS, ColumnMappingMode.NONE).match(Map.of(), Optional.of(stats));
  }

  private static FileMatch partition(String predicate, String part, String pInt) {
    Map<String, String> values = new HashMap<>();
    values.put("part", part);
    values.put("p_int", pInt);
    return FileFilter.create(Predicates.parse(predicate), SCHEMA, PARTITIONS, ColumnMappingMode.NONE)
        .match(values, Optional.empty());
  }

  /** Stats of five records with id 10..20 and no nulls. */
  private static final String IDS_10_20 =
      "{\"numRecords\":5,\"minValues\":{\"id\":10},\"maxValues\":{\"id\":20},\"nullCount\":{\"id\":0}}";

  @Test
  void minAndMaxBoundEveryComparison() {
    assertEquals(NONE, stats("id = 5", IDS_10_20));
    assertEquals(SOME, stats("id = 10", IDS_10_20));
    assertEquals(SOME, stats("id = 20", IDS_10_20));
    assertEquals(NONE, stats("id = 21", IDS_10_20));
    assertEquals(NONE, stats("id < 10", IDS_10_20));
    assertEquals(SOME, stats("id <= 10", IDS_10_20));
    assertEquals(NONE, stats("id > 20", IDS_10_20));
    assertEquals(SOME, stats("id >= 20", IDS_10_20));
    assertEquals(NONE, stats("id >= 20.5", IDS_10_20));
    assertEquals(SOME, stats("id <> 15", IDS_10_20));
    assertEquals(NONE, stats("20 < id", IDS_10_20));
  }

  @Test
  void filesWhoseEveryRowMatchesNeedNoRowFilter() {
    assertEquals(ALL, stats("id > 5", IDS_10_20));
    assertEquals(ALL, stats("id >= 10 AND id <= 20", IDS_10_20));
    assertEquals(ALL, stats("id <> 30", IDS_10_20));
    assertEquals(ALL, stats("NOT (id = 5)", IDS_10_20));
    assertEquals(ALL, stats("id IS NOT NULL", IDS_10_20));
    assertEquals(NONE, stats("id IS NULL", IDS_10_20));
    assertEquals(NONE, stats("NOT (id > 5)", IDS_10_20));
  }

  @Test
  void inIsTheOrOfEqualities() {
    assertEquals(NONE, stats("id IN (1, 2, 30)", IDS_10_20));
    assertEquals(SOME, stats("id IN (1, 15)", IDS_10_20));
    assertEquals(NONE, stats("id IN (1, NULL)", IDS_10_20));
    assertEquals(ALL, stats("id NOT IN (1, 2)", IDS_10_20));
    assertEquals(NONE, stats("id NOT IN (1, NULL)", IDS_10_20));
  }

  @Test
  void nullLiteralsNeverMatch() {
    assertEquals(NONE, stats("id = NULL", IDS_10_20));
    assertEquals(NONE, stats("NOT (id <> NULL)", IDS_10_20));
    assertEquals(NONE, stats("id = NULL", "{}"));
  }

  @Test
  void nullCounts() {
    String someNull = "{\"numRecords\":5,\"minValues\":{\"id\":10},\"maxValues\":{\"id\":20},\"nullCount\":{\"id\":2}}";
    assertEquals(SOME, stats("id > 5", someNull));
    assertEquals(SOME, stats("id IS NULL", someNull));
    assertEquals(SOME, stats("id IS NOT NULL", someNull));
    String allNull = "{\"numRecords\":5,\"nullCount\":{\"id\":5}}";
    assertEquals(NONE, stats("id IS NOT NULL", allNull));
    assertEquals(NONE, stats("id > 5", allNull));
    assertEquals(NONE, stats("NOT (id > 5)", allNull));
    assertEquals(NONE, stats("id IN (1, 2)", allNull));
    assertEquals(ALL, stats("id IS NULL", allNull));
    assertEquals(ALL, stats("id IS NULL OR id = 1", allNull));
    assertEquals(SOME, stats("id IS NULL", "{\"numRecords\":5,\"nullCount\":{}}"));
    assertEquals(SOME, stats("id IS NULL", "{\"nullCount\":{\"id\":5}}")); // without numRecords, 5 of how many?
  }

  @Test
  void wideBoundsKeepOnlyNullCountsOfZeroOrAll() {
    String wide = "{\"numRecords\":5,\"tightBounds\":false,\"minValues\":{\"id\":10},\"maxValues\":{\"id\":20},"
        + "\"nullCount\":{\"id\":%d}}";
    assertEquals(NONE, stats("id = 5", String.format(wide, 2))); // min and max are still bounds
    assertEquals(SOME, stats("id IS NULL", String.format(wide, 2)));
    assertEquals(SOME, stats("id IS NOT NULL", String.format(wide, 2)));
    assertEquals(NONE, stats("id IS NULL", String.format(wide, 0)));
    assertEquals(NONE, stats("id IS NOT NULL", String.format(wide, 5)));
  }

  @Test
  void missingOrPartialStatisticsKeepFiles() {
    assertEquals(SOME, stats("id = 5", "{}"));
    assertEquals(SOME, stats("id = 5", "{\"numRecords\":5}"));
    assertEquals(SOME, stats("id = 5", "{\"numRecords\":5,\"minValues\":{\"str\":\"a\"}}"));
    assertEquals(NONE, stats("id = 5", "{\"numRecords\":5,\"minValues\":{\"id\":10}}")); // a minimum alone bounds
    assertEquals(SOME, stats("id = 15000", "{\"numRecords\":5,\"minValues\":{\"id\":10}}"));
    assertEquals(NONE, stats("id < 5", "{\"numRecords\":5,\"minValues\":{\"id\":10}}"));
    assertEquals(SOME, stats("id > 25", "{\"numRecords\":5,\"minValues\":{\"id\":10}}"));
    assertEquals(SOME, stats("id = 5", "{\"minValues\":{\"id\":\"ten\"},\"maxValues\":{\"id\":[1]}}"));
    assertEquals(SOME, stats("id = 5", "{\"minValues\":"));
    assertEquals(SOME, stats("id = 5", "[]"));
    FileFilter filter = FileFilter.create(Predicates.parse("id = 5"), SCHEMA, PARTITIONS, ColumnMappingMode.NONE);
    assertEquals(SOME, filter.match(Map.of(), Optional.empty()));
  }

  @Test
  void emptyFilesHoldNoMatchingRow() {
    assertEquals(NONE, stats("id IS NULL OR id IS NOT NULL", "{\"numRecords\":0}"));
  }

  @Test
  void contradictoryStatisticsProveNothing() {
    assertEquals(SOME, stats("id = 15", "{\"numRecords\":5,\"minValues\":{\"id\":20},\"maxValues\":{\"id\":10},"
        + "\"nullCount\":{\"id\":0}}"));
  }

  @Test
  void exactStringMaximaBoundValues() {
    String s = "{\"numRecords\":5,\"minValues\":{\"str\":\"c\"},\"maxValues\":{\"str\":\"m\"},\"nullCount\":{\"str\":0}}";
    assertEquals(NONE, stats("str > 'm'", s));
    assertEquals(SOME, stats("str >= 'm'", s));
    assertEquals(NONE, stats("str = 'n'", s));
    assertEquals(NONE, stats("str = 'ma'", s));
    assertEquals(NONE, stats("str < 'c'", s));
    assertEquals(SOME, stats("str = 'ca'", s));
    assertEquals(SOME, stats("str IN ('a', 'd')", s));
  }

  @Test
  void truncatedStringMaximaBoundOnlyPrefixes() {
    // Delta cut the maximum after "abc" and appended U+FFFD
    String tie = "{\"numRecords\":5,\"minValues\":{\"str\":\"ab\"},\"maxValues\":{\"str\":\"abc\ufffd\"}}";
    assertEquals(NONE, stats("str > 'abd'", tie));
    assertEquals(NONE, stats("str = 'abd'", tie));
    assertEquals(SOME, stats("str = 'abcz'", tie));
    assertEquals(SOME, stats("str > 'abc'", tie));
    // the real maximum may be "abc" and a character above U+FFFF, which sorts after U+FFFD
    assertEquals(SOME, stats(Predicates.equal("str", "abc\ud83d\ude00"), tie));
    // the minimum, a prefix, is always a lower bound
    assertEquals(NONE, stats("str < 'ab'", tie));
    assertEquals(SOME, stats("str < 'abz'", tie));
    // a long maximum without the mark may be a bare prefix
    String longMax = "{\"numRecords\":5,\"maxValues\":{\"str\":\"" + "a".repeat(32) + "\"}}";
    assertEquals(SOME, stats("str = '" + "a".repeat(32) + "b'", longMax));
    assertEquals(NONE, stats("str = 'b'", longMax));
    String shortMax = "{\"numRecords\":5,\"maxValues\":{\"str\":\"" + "a".repeat(31) + "\"}}";
    assertEquals(NONE, stats("str = '" + "a".repeat(31) + "b'", shortMax));
  }

  @Test
  void timestampMaximaAreWidenedByTheirTruncationToMilliseconds() {
    String ts = "{\"numRecords\":5,\"minValues\":{\"ts\":\"2024-05-01T10:00:00.123Z\"},"
        + "\"maxValues\":{\"ts\":\"2024-05-01T10:00:00.123Z\"},\"nullCount\":{\"ts\":0}}";
    assertEquals(SOME, stats("ts = TIMESTAMP '2024-05-01 10:00:00.123456'", ts));
    assertEquals(SOME, stats("ts > TIMESTAMP '2024-05-01 10:00:00.123'", ts));
    assertEquals(NONE, stats("ts > TIMESTAMP '2024-05-01 10:00:00.124'", ts));
    assertEquals(NONE, stats("ts < TIMESTAMP '2024-05-01 10:00:00.123'", ts));
    // Delta writes the session time zone's offset
    String offset = "{\"numRecords\":1,\"minValues\":{\"ts\":\"2000-01-01T00:00:00.000-08:00\"},"
        + "\"maxValues\":{\"ts\":\"2000-01-01T00:00:00.000-08:00\"}}";
    assertEquals(SOME, stats("ts = TIMESTAMP '2000-01-01 08:00:00'", offset));
    assertEquals(NONE, stats("ts = TIMESTAMP '2000-01-01 00:00:00'", offset));
    String ntz = "{\"numRecords\":3,\"minValues\":{\"ntz\":\"2013-07-05T17:01:00.123\"},"
        + "\"maxValues\":{\"ntz\":\"2021-11-18T02:30:00.123\"}}";
    assertEquals(SOME, stats("ntz = TIMESTAMP_NTZ '2021-11-18 02:30:00.123456'", ntz));
    assertEquals(NONE, stats("ntz > TIMESTAMP_NTZ '2021-11-18 02:30:00.124'", ntz));
    assertEquals(NONE, stats("ntz < TIMESTAMP_NTZ '2013-07-05 17:01:00.123'", ntz));
    assertEquals(SOME, stats("ntz = TIMESTAMP_NTZ '2021-11-18 02:30:00.123'", ntz.replace("T02", "X")));
  }

  @Test
  void nanMayHideAboveAFloatingMaximum() {
    String d = "{\"numRecords\":5,\"minValues\":{\"d\":1.0},\"maxValues\":{\"d\":5.0},\"nullCount\":{\"d\":0}}";
    assertEquals(NONE, stats("d = 6", d));
    assertEquals(NONE, stats("d < 1", d));
    assertEquals(SOME, stats("d > 6", d)); // a writer that leaves NaN out of max may have NaN rows
    assertEquals(SOME, stats("NOT (d <= 6)", d));
    assertEquals(SOME, stats("d <> 3", d));
    assertEquals(NONE, stats(Predicates.greaterThan("d", Double.NaN), d)); // nothing is above NaN
    assertEquals(SOME, stats(Predicates.equal("d", Double.NaN), d));
    assertEquals(SOME, stats(Predicates.lessThan("d", Double.NaN), d));
    // Spark writes NaN maxima and minima as strings; they bound nothing
    assertEquals(SOME, stats("d = 6", d.replace("5.0", "\"NaN\"")));
    assertEquals(SOME, stats("d < 1", d.replace("1.0", "\"NaN\"")));
    assertEquals(NONE, stats("d < 1", d.replace("5.0", "\"Infinity\"")));
    // float statistics are read as floats: 0.1 is the float 0.1, not the double 0.1
    String f = "{\"numRecords\":5,\"minValues\":{\"f\":0.1},\"maxValues\":{\"f\":0.1},\"nullCount\":{\"f\":0}}";
    assertEquals(SOME, stats("f = 0.1", f));
    assertEquals(NONE, stats("f < 0.1", f));
  }

  @Test
  void floatStatisticsOfAColumnWidenedToDoubleAreIgnored() {
    StructField widened = new StructField("d", PrimitiveType.DOUBLE, true, Map.of(
        "delta.typeChanges", List.of(Map.of("fromType", "float", "toType", "double"))));
    String d = "{\"numRecords\":5,\"minValues\":{\"d\":0.1},\"maxValues\":{\"d\":0.1},\"nullCount\":{\"d\":0}}";
    Predicate predicate = Predicates.parse("d < 0.1 OR d IS NULL");
    assertEquals(SOME, FileFilter.create(predicate, StructType.of(widened), List.of(), ColumnMappingMode.NONE)
        .match(Map.of(), Optional.of(d)));
    assertEquals(NONE, FileFilter.create(predicate, StructType.of(field("d", PrimitiveType.DOUBLE)), List.of(),
        ColumnMappingMode.NONE).match(Map.of(), Optional.of(d)));
  }

  @Test
  void otherTypes() {
    String dec = "{\"numRecords\":5,\"minValues\":{\"dec\":1.5},\"maxValues\":{\"dec\":2.5}}";
    assertEquals(NONE, stats("dec = 3", dec));
    assertEquals(NONE, stats("dec > 2.5", dec));
    assertEquals(SOME, stats("dec >= 2.50", dec));
    assertEquals(NONE, stats("dec < 1.49", dec));
    String day = "{\"numRecords\":5,\"minValues\":{\"day\":\"2000-01-01\"},\"maxValues\":{\"day\":\"2000-01-01\"}}";
    assertEquals(NONE, stats("day = '2000-01-02'", day));
    assertEquals(SOME, stats("day = DATE '2000-01-01'", day));
    String flag = "{\"numRecords\":5,\"minValues\":{\"flag\":false},\"maxValues\":{\"flag\":false}}";
    assertEquals(NONE, stats("flag = TRUE", flag));
    assertEquals(SOME, stats("NOT flag", flag));
  }

  @Test
  void voidColumnsHoldOnlyNulls() {
    assertEquals(NONE, stats("v IS NOT NULL", "{}"));
    assertEquals(NONE, stats("v = 1", "{}"));
    assertEquals(ALL, stats("v IS NULL", "{}"));
    assertEquals(ALL, stats("v IS NULL", "{\"numRecords\":1,\"nullCount\":{\"v\":1}}"));
  }

  @Test
  void nestedFieldsAndNestedTypes() {
    String s = "{\"numRecords\":5,\"minValues\":{\"address\":{\"city\":\"b\",\"zip\":100}},"
        + "\"maxValues\":{\"address\":{\"city\":\"d\",\"zip\":200}},"
        + "\"nullCount\":{\"address\":{\"city\":0,\"zip\":5},\"tags\":5}}";
    assertEquals(NONE, stats("address.city > 'z'", s));
    assertEquals(SOME, stats("address.city = 'c'", s));
    assertEquals(NONE, stats("address.zip IS NOT NULL", s));
    assertEquals(NONE, stats("address.city IS NULL", s));
    assertEquals(SOME, stats("address IS NULL", s)); // a struct's null count is not its own
    assertEquals(NONE, stats("tags IS NOT NULL", s));
    assertEquals(NONE, stats("address.city IS NULL AND address.zip = 1 OR address.city > 'x'", s));
  }

  @Test
  void partitionValuesAreExact() {
    assertEquals(ALL, partition("part = 'a'", "a", "1"));
    assertEquals(NONE, partition("part = 'b'", "a", "1"));
    assertEquals(ALL, partition("part IS NULL", null, "1"));
    assertEquals(ALL, partition("part IS NULL", "", "1")); // an empty string is null too
    assertEquals(NONE, partition("part = 'a'", null, "1"));
    assertEquals(NONE, partition("NOT (part = 'a')", null, "1"));
    assertEquals(ALL, partition("part = 'null'", "null", "1")); // the string "null" is not null
    assertEquals(ALL, partition("p_int = 1 AND p_int > 0.5 AND p_int IN (1, 2)", "a", "1"));
    assertEquals(NONE, partition("p_int <> 1", "a", "1"));
    assertEquals(ALL, partition("part = 'a' OR id > 5", "a", "1")); // decided without statistics
    assertEquals(SOME, partition("part = 'a' AND id > 5", "a", "1"));
    assertEquals(NONE, partition("part = 'b' AND id > 5", "a", "1"));
    assertEquals(SOME, partition("part = 'b' OR id > 5", "a", "1"));
  }

  @Test
  void partitionValuesAndStatisticsCombine() {
    FileFilter filter = FileFilter.create(Predicates.parse("part = 'a' OR id > 100"), SCHEMA, PARTITIONS,
        ColumnMappingMode.NONE);
    assertEquals(NONE, filter.match(Map.of("part", "b", "p_int", "1"), Optional.of(IDS_10_20)));
    assertEquals(SOME, filter.match(Map.of("part", "b", "p_int", "1"), Optional.of(IDS_10_20.replace("20", "200"))));
    FileFilter and = FileFilter.create(Predicates.parse("part = 'a' AND id > 5"), SCHEMA, PARTITIONS,
        ColumnMappingMode.NONE);
    assertEquals(ALL, and.match(Map.of("part", "a", "p_int", "1"), Optional.of(IDS_10_20)));
  }

  @Test
  void missingOrUnreadablePartitionValuesKeepFiles() {
    FileFilter filter = FileFilter.create(Predicates.parse("p_int = 1"), SCHEMA, PARTITIONS, ColumnMappingMode.NONE);
    assertEquals(SOME, filter.match(Map.of(), Optional.empty()));
    assertEquals(SOME, filter.match(Map.of("p_int", "one"), Optional.empty()));
    assertEquals(ALL, filter.match(Map.of("P_INT", "1"), Optional.empty())); // keys are found ignoring case
  }

  @Test
  void columnMappingKeysPartitionValuesAndStatisticsByPhysicalName() {
    StructType schema = StructType.of(
        mapped("id", PrimitiveType.LONG, 1, "col-1"),
        mapped("Part", PrimitiveType.STRING, 2, "col-2"),
        mapped("s", StructType.of(mapped("x", PrimitiveType.LONG, 4, "col-4")), 3, "col-3"));
    FileFilter filter = FileFilter.create(Predicates.parse("part = 'a' AND id > 5 AND s.x < 3"), schema,
        List.of("Part"), ColumnMappingMode.NAME);
    String stats = "{\"numRecords\":5,\"minValues\":{\"col-1\":10,\"col-3\":{\"col-4\":0}},"
        + "\"maxValues\":{\"col-1\":20,\"col-3\":{\"col-4\":2}},\"nullCount\":{\"col-1\":0,\"col-3\":{\"col-4\":0}}}";
    assertEquals(ALL, filter.match(Map.of("col-2", "a"), Optional.of(stats)));
    assertEquals(NONE, filter.match(Map.of("col-2", "b"), Optional.of(stats)));
    assertEquals(NONE, filter.match(Map.of("col-2", "a"), Optional.of(stats.replace("\"col-4\":0}", "\"col-4\":3}"))));
    // logical names in the statistics are not the keys under column mapping: nothing is proven
    String logical = stats.replace("col-1", "id");
    assertEquals(SOME, filter.match(Map.of("col-2", "a"), Optional.of(logical)));
  }

  @Test
  void addFilesAreReadThroughTheirPartitionValuesAndStats() {
    AddFile add = new AddFile("part=a/f.parquet", Map.of("part", "a", "p_int", "1"), 1, 0, true,
        Optional.of(IDS_10_20), Map.of(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
    FileFilter filter = FileFilter.create(Predicates.parse("part = 'a' AND id = 15"), SCHEMA, PARTITIONS,
        ColumnMappingMode.NONE);
    assertTrue(filter.mightMatch(add));
    assertEquals(SOME, filter.match(add));
    assertFalse(FileFilter.create(Predicates.parse("id = 25"), SCHEMA, PARTITIONS, ColumnMappingMode.NONE)
        .mightMatch(add));
    assertEquals("FileFilter[part = 'a' AND id = 15]", filter.toString());
  }
}
