package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.delta4j.Row;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statistics JSON read into {@code stats_parsed} rows: typed by column, unreadable values null. */
class ParsedStatsTest {
  static final StructType SCHEMA = new StructType(List.of(
      new StructField("b", PrimitiveType.BYTE, true),
      new StructField("i", PrimitiveType.INTEGER, true),
      new StructField("l", PrimitiveType.LONG, true),
      new StructField("f", PrimitiveType.FLOAT, true),
      new StructField("d", PrimitiveType.DOUBLE, true),
      new StructField("dec", new DecimalType(5, 2), true),
      new StructField("s", PrimitiveType.STRING, true),
      new StructField("dt", PrimitiveType.DATE, true),
      new StructField("ts", PrimitiveType.TIMESTAMP, true),
      new StructField("ntz", PrimitiveType.TIMESTAMP_NTZ, true),
      new StructField("st", new StructType(List.of(new StructField("x", PrimitiveType.INTEGER, true))), true)));

  private final ParsedStats parser = new ParsedStats(
      ParsedAddColumns.of(SCHEMA, List.of(), ColumnMappingMode.NONE, -1, List.of(), true).statsParsedType());

  private Map<String, Object> parse(String json) {
    Row row = parser.parse(json);
    return row == null ? null : map(row);
  }

  private static Map<String, Object> map(Row row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < row.schema().length(); i++) {
      Object v = row.get(i);
      out.put(row.schema().fields().get(i).name(), v instanceof Row r ? map(r) : v);
    }
    return out;
  }

  @Test
  void valuesTakeTheirColumnsTypes() {
    Map<String, Object> stats = parse("{\"numRecords\":3,\"minValues\":{\"b\":-1,\"i\":7,\"l\":9000000000,"
        + "\"f\":0.1,\"d\":\"NaN\",\"dec\":1.5,\"s\":\"\",\"dt\":\"2024-02-29\",\"ts\":\"2024-01-01T10:00:00.123-02:00\","
        + "\"ntz\":\"2024-01-01T10:00:00.123\",\"st\":{\"x\":4}},\"nullCount\":{\"i\":0,\"st\":{\"x\":1}},"
        + "\"tightBounds\":false}");
    Map<String, Object> min = (Map<String, Object>) stats.get("minValues");
    assertEquals(3L, stats.get("numRecords"));
    assertEquals((byte) -1, min.get("b"));
    assertEquals(7, min.get("i"));
    assertEquals(9_000_000_000L, min.get("l"));
    assertEquals(0.1f, min.get("f"), "the float the writer printed");
    assertEquals(Double.NaN, min.get("d"));
    assertEquals(new BigDecimal("1.50"), min.get("dec"), "at the column's scale");
    assertEquals("", min.get("s"), "an empty string is a value");
    assertEquals(LocalDate.of(2024, 2, 29), min.get("dt"));
    assertEquals(Instant.parse("2024-01-01T12:00:00.123Z"), min.get("ts"));
    assertEquals(LocalDateTime.parse("2024-01-01T10:00:00.123"), min.get("ntz"));
    assertEquals(Map.of("x", 4), min.get("st"));
    assertNull(stats.get("maxValues"), "absent: unknown");
    Map<String, Object> nulls = (Map<String, Object>) stats.get("nullCount");
    assertEquals(0L, nulls.get("i"));
    assertNull(nulls.get("l"));
    assertEquals(Map.of("x", 1L), nulls.get("st"));
    assertEquals(false, stats.get("tightBounds"));
  }

  @Test
  void valuesThatDoNotFitAreNull() {
    Map<String, Object> min = (Map<String, Object>) parse("{\"numRecords\":\"3\",\"minValues\":{\"b\":300,\"i\":\"7\","
        + "\"l\":1.5,\"f\":true,\"dec\":1234.5,\"s\":5,\"dt\":\"2024-02-30\",\"ts\":\"yesterday\",\"ntz\":1,"
        + "\"st\":7,\"unknown\":{\"deep\":[1,2]}},\"nullCount\":{\"i\":-0.5}}").get("minValues");
    for (Object v : min.values()) {
      assertNull(v, min.toString());
    }
  }

  @Test
  void unreadableStatisticsGiveNoRow() {
    assertNull(parse("[1]"));
    assertNull(parse("{\"numRecords\":1"));
    assertNull(parse("{} {}"));
    assertNull(parse(""));
    assertEquals(5L, parse("{\"numRecords\":5,\"other\":{\"a\":[{}]}}").get("numRecords"));
  }
}
