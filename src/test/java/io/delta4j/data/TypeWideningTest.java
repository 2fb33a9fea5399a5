package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.Row;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Files written before a column was widened (PROTOCOL.md, "Type Widening") read in the widened
 * type, with golden-catalog.md's values for delta-golden type-widening and type-widening-nested.
 */
class TypeWideningTest {
  @Test
  void basicTypes() {
    List<Row> rows = TableRows.golden("type-widening").rows();
    assertEquals(2, rows.size());
    Row narrow = rows.get(0).getLong("byte_long") == 1 ? rows.get(0) : rows.get(1);
    Row wide = narrow == rows.get(0) ? rows.get(1) : rows.get(0);

    assertEquals(1L, narrow.getLong("byte_long"));
    assertEquals(2L, narrow.getLong("int_long"));
    assertEquals((double) 3.4f, narrow.getDouble("float_double"));
    assertEquals(5.0, narrow.getDouble("byte_double"));
    assertEquals(6.0, narrow.getDouble("short_double"));
    assertEquals(7.0, narrow.getDouble("int_double"));
    assertEquals(LocalDateTime.of(2024, 9, 9, 0, 0), narrow.getTimestampNtz("date_timestamp_ntz"));

    assertEquals(Long.MAX_VALUE, wide.getLong("byte_long"));
    assertEquals(Long.MAX_VALUE, wide.getLong("int_long"));
    for (String c : List.of("float_double", "byte_double", "short_double", "int_double")) {
      assertEquals(1.234567890123, wide.getDouble(c), c);
    }
    assertEquals(LocalDateTime.of(2024, 9, 9, 12, 34, 56, 123_456_000), wide.getTimestampNtz("date_timestamp_ntz"));
  }

  @Test
  void decimals() {
    List<Row> rows = TableRows.golden("type-widening").rows();
    Row narrow = rows.get(0).getLong("byte_long") == 1 ? rows.get(0) : rows.get(1);
    Row wide = narrow == rows.get(0) ? rows.get(1) : rows.get(0);
    List<String> columns = List.of("decimal_decimal_same_scale", "decimal_decimal_greater_scale", "byte_decimal",
        "short_decimal", "int_decimal", "long_decimal");
    assertEquals(decimals("123.45", "67.89000", "1.0", "2.0", "3.0", "4.0"), values(narrow, columns));
    assertEquals(decimals("12345678901234.56", "12345678901.23456", "123.4", "12345.6", "1234567890.1",
        "123456789012345678.9"), values(wide, columns));
  }

  @Test
  void nestedTypes() {
    List<Row> rows = TableRows.golden("type-widening-nested").rows();
    assertEquals(2, rows.size());
    Row narrow = rows.get(0).getStruct("struct").getLong("a") == 1 ? rows.get(0) : rows.get(1);
    Row wide = narrow == rows.get(0) ? rows.get(1) : rows.get(0);
    assertEquals(1L, narrow.getStruct("struct").getLong("a"));
    assertEquals(Map.of(2L, 3L), narrow.getMap("map"));
    assertEquals(List.of(4L, 5L), narrow.getList("array"));
    assertEquals(Long.MAX_VALUE, wide.getStruct("struct").getLong("a"));
    assertEquals(Map.of(Long.MAX_VALUE, Long.MAX_VALUE), wide.getMap("map"));
    assertEquals(List.of(Long.MAX_VALUE, Long.MIN_VALUE), wide.getList("array"));
  }

  private static List<BigDecimal> decimals(String... values) {
    return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
  }

  private static List<BigDecimal> values(Row row, List<String> columns) {
    return columns.stream().map(row::getDecimal).toList();
  }
}
