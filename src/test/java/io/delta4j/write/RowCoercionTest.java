package io.delta4j.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.Row;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the writer makes of the rows it is given (pure logic: no table). */
class RowCoercionTest {
  private static final StructType TABLE = StructType.of(
      new StructField("id", PrimitiveType.LONG, false),
      new StructField("s", PrimitiveType.STRING, true),
      new StructField("d", PrimitiveType.DATE, true));
  private final RowCoercion coercion = new RowCoercion(TABLE);

  @Test
  void rowOfTheSameColumnsWithExactValuesIsUsedAsItIs() {
    // A schema equal in names and order but another instance, as a caller builds it.
    StructType given = StructType.of(
        new StructField("id", PrimitiveType.LONG, true),
        new StructField("s", PrimitiveType.STRING, true),
        new StructField("d", PrimitiveType.DATE, true));
    Row row = Row.of(given, 1L, "a", LocalDate.of(2024, 1, 2));
    assertSame(row, coercion.toRow(row));
    Row withNull = Row.of(given, 2L, null, null);
    assertSame(withNull, coercion.toRow(withNull));
  }

  @Test
  void rowNeedingAConversionIsCopiedWithTheTableSchema() {
    StructType given = StructType.of(
        new StructField("id", PrimitiveType.INTEGER, true),
        new StructField("s", PrimitiveType.STRING, true),
        new StructField("d", PrimitiveType.DATE, true));
    Row row = Row.of(given, 7, "a", null);
    Row out = coercion.toRow(row);
    assertNotSame(row, out);
    assertEquals(TABLE, out.schema());
    assertEquals(7L, out.get(0));
    // The next row of the same schema with exact values still goes through the check, not the cache.
    assertEquals(8L, coercion.toRow(Row.of(given, 8, "b", null)).get(0));
  }

  @Test
  void rowInAnotherColumnOrderIsReordered() {
    StructType given = StructType.of(
        new StructField("s", PrimitiveType.STRING, true),
        new StructField("id", PrimitiveType.LONG, true));
    Row out = coercion.toRow(Row.of(given, "x", 3L));
    assertEquals(TABLE, out.schema());
    assertEquals(3L, out.get(0));
    assertEquals("x", out.get(1));
    assertEquals(null, out.get(2));
  }

  @Test
  void mapsWithOtherKeysAreResolvedEntryByEntry() {
    Row caseInsensitive = coercion.toRow(Map.of("ID", 4L, "s", "c"));
    assertEquals(4L, caseInsensitive.get(0));
    assertEquals("c", caseInsensitive.get(1));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> coercion.toRow(Map.of("id", 1L, "nope", 2)));
    assertEquals(true, unknown.getMessage().contains("unknown column \"nope\""), unknown.getMessage());
    IllegalArgumentException notStrings = assertThrows(IllegalArgumentException.class,
        () -> coercion.toRow(new java.util.TreeMap<>(Map.of(1, 2))));
    assertEquals(true, notStrings.getMessage().startsWith("column names must be strings"), notStrings.getMessage());
    java.util.HashMap<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("id", 9L);
    withNull.put("d", null);
    Row nulls = coercion.toRow(withNull);
    assertEquals(9L, nulls.get(0));
    assertEquals(null, nulls.get(2));
  }

  @Test
  void mapsAndLossyValuesBehaveAsBefore() {
    Row fromMap = coercion.toRow(Map.of("id", 5, "s", "m"));
    assertEquals(5L, fromMap.get(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> coercion.toRow(Map.of("id", 1.5, "s", "m")));
    assertEquals(true, e.getMessage().contains("\"id\""), e.getMessage());
  }
}
