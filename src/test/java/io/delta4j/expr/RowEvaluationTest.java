package io.delta4j.expr;

import io.delta4j.ListRow;
import static io.delta4j.expr.TestSchemas.ADDRESS;
import static io.delta4j.expr.TestSchemas.ALL;
import static io.delta4j.expr.TestSchemas.rowWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.Row;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link BoundPredicate#test}: every operator, SQL's three-valued logic, and Spark's value order. */
class RowEvaluationTest {
  private static boolean test(Predicate predicate, Row row) {
    return predicate.bind(row.schema()).test(row);
  }

  private static boolean test(String predicate, Row row) {
    return test(Predicates.parse(predicate), row);
  }

  @ParameterizedTest(name = "{0} {1} 5 is {2}, {3}, {4} for 4, 5, 6")
  @CsvSource({
    "id, =, false, true, false",
    "id, <>, true, false, true",
    "id, !=, true, false, true",
    "id, <, true, false, false",
    "id, <=, true, true, false",
    "id, >, false, false, true",
    "id, >=, false, true, true",
  })
  void everyOperator(String column, String op, boolean below, boolean equal, boolean above) {
    String predicate = column + " " + op + " 5";
    assertEquals(below, test(predicate, rowWith("id", 4L)), predicate + " on 4");
    assertEquals(equal, test(predicate, rowWith("id", 5L)), predicate + " on 5");
    assertEquals(above, test(predicate, rowWith("id", 6L)), predicate + " on 6");
  }

  @Test
  void literalOnTheLeftIsTurnedAround() {
    assertTrue(test("5 < id", rowWith("id", 6L)));
    assertFalse(test("5 < id", rowWith("id", 5L)));
    assertTrue(test("5 >= id", rowWith("id", 5L)));
  }

  @Test
  void comparisonsWithNullAreUnknownAndNotUnknownIsUnknown() {
    Row nullId = rowWith("id", null);
    for (String op : List.of("=", "<>", "<", "<=", ">", ">=")) {
      assertFalse(test("id " + op + " 5", nullId), op);
      assertFalse(test("NOT (id " + op + " 5)", nullId), "NOT " + op);
      assertFalse(test("id " + op + " NULL", rowWith("id", 5L)), op + " NULL");
      assertFalse(test("NOT (id " + op + " NULL)", rowWith("id", 5L)), "NOT " + op + " NULL");
    }
    assertTrue(test("id IS NULL", nullId));
    assertFalse(test("id IS NOT NULL", nullId));
    assertTrue(test("NOT (id IS NOT NULL)", nullId));
    assertFalse(test(Predicates.equal("id", null), nullId));
  }

  @Test
  void andOrFollowKleeneLogic() {
    Row nullId = rowWith("id", null);
    // unknown AND false = false, so NOT of it is true
    assertTrue(test("NOT (id = 1 AND FALSE)", nullId));
    // unknown AND true = unknown
    assertFalse(test("NOT (id = 1 AND TRUE)", nullId));
    // unknown OR true = true
    assertTrue(test("id = 1 OR TRUE", nullId));
    // unknown OR false = unknown, and NOT unknown is unknown
    assertFalse(test("id = 1 OR FALSE", nullId));
    assertFalse(test("NOT (id = 1 OR FALSE)", nullId));
  }

  @Test
  void inIsTheOrOfEqualities() {
    assertTrue(test("id IN (1, 2, 3)", rowWith("id", 2L)));
    assertFalse(test("id IN (1, 3)", rowWith("id", 2L)));
    assertTrue(test("id NOT IN (1, 3)", rowWith("id", 2L)));
    // 2 IN (1, NULL) is unknown, so NOT IN is unknown too
    assertFalse(test("id IN (1, NULL)", rowWith("id", 2L)));
    assertFalse(test("id NOT IN (1, NULL)", rowWith("id", 2L)));
    assertTrue(test("id IN (2, NULL)", rowWith("id", 2L)));
    assertFalse(test("id IN (1, 2)", rowWith("id", null)));
    assertFalse(test("id NOT IN (1, 2)", rowWith("id", null)));
    assertTrue(test(Predicates.in("id", 7, 8L, (short) 9), rowWith("id", 9L)));
  }

  @Test
  void constants() {
    assertTrue(test(Predicates.alwaysTrue(), rowWith("id", null)));
    assertFalse(test(Predicates.alwaysFalse(), rowWith("id", null)));
    assertTrue(test(Predicates.and(), rowWith("id", null)));
    assertFalse(test(Predicates.or(), rowWith("id", null)));
  }

  @Test
  void numbersCompareByValueAcrossTypes() {
    assertTrue(test(Predicates.equal("i", 5L), rowWith("i", 5)));
    assertTrue(test(Predicates.equal("id", 5), rowWith("id", 5L)));
    assertTrue(test(Predicates.equal("s", 0f), rowWith("s", (short) 0))); // Kernel's "implicit casting"
    assertTrue(test(Predicates.equal("f", (short) 0), rowWith("f", 0f)));
    assertTrue(test(Predicates.equal("b", new BigDecimal("7.00")), rowWith("b", (byte) 7)));
    // a fraction against an integral column compares exactly: 3 > 2.5, 2 < 2.5, nothing equals it
    assertTrue(test("id > 2.5", rowWith("id", 3L)));
    assertFalse(test("id > 2.5", rowWith("id", 2L)));
    assertFalse(test("id = 2.5", rowWith("id", 2L)));
    assertTrue(test("id <> 2.5", rowWith("id", 2L)));
    assertTrue(test("id < 1e30", rowWith("id", Long.MAX_VALUE)));
    assertFalse(test("id > 9223372036854775807000", rowWith("id", Long.MAX_VALUE)));
  }

  @Test
  void floatingLiteralsMeanTheNearestValueOfTheColumnType() {
    assertTrue(test("f = 1.1", rowWith("f", 1.1f)));
    assertTrue(test(Predicates.equal("f", 1.1), rowWith("f", 1.1f)));
    assertTrue(test("d = 1.1", rowWith("d", 1.1)));
    assertTrue(test(Predicates.equal("d", 1.1f), rowWith("d", 1.1)));
    assertTrue(test(Predicates.equal("dec", 1.1), rowWith("dec", new BigDecimal("1.10"))));
    assertTrue(test("dec = 1.1D", rowWith("dec", new BigDecimal("1.10"))));
    assertTrue(test("dec < 1.11", rowWith("dec", new BigDecimal("1.10"))));
  }

  @Test
  void nanEqualsNanAndIsAboveEverything() {
    assertTrue(test(Predicates.equal("d", Double.NaN), rowWith("d", Double.NaN)));
    assertTrue(test(Predicates.greaterThan("d", Double.MAX_VALUE), rowWith("d", Double.NaN)));
    assertTrue(test(Predicates.greaterThan("d", Double.POSITIVE_INFINITY), rowWith("d", Double.NaN)));
    assertFalse(test(Predicates.lessThan("d", 0.0), rowWith("d", Double.NaN)));
    assertTrue(test(Predicates.lessThan("d", Double.NaN), rowWith("d", Double.POSITIVE_INFINITY)));
    assertTrue(test(Predicates.greaterThan("f", 1e30), rowWith("f", Float.NaN)));
    assertTrue(test(Predicates.lessThan("id", Double.NaN), rowWith("id", Long.MAX_VALUE)));
    assertTrue(test(Predicates.lessThan("dec", Double.POSITIVE_INFINITY), rowWith("dec", new BigDecimal("1e8"))));
    assertTrue(test(Predicates.equal("d", 0.0), rowWith("d", -0.0)));
    assertFalse(test(Predicates.lessThan("d", 0.0), rowWith("d", -0.0)));
  }

  @Test
  void stringsCompareByCodePoint() {
    assertTrue(test("str < 'b'", rowWith("str", "a")));
    assertTrue(test("str < 'a'", rowWith("str", "B"))); // no collation: upper case first
    assertTrue(test("str > 'ab'", rowWith("str", "b")));
    assertTrue(test("str > 'a'", rowWith("str", "ab")));
    // U+1F600 is above U+FFFF, though as UTF-16 its first unit (U+D83D) is below
    assertTrue(test(Predicates.greaterThan("str", "\uffff"), rowWith("str", "\ud83d\ude00")));
    assertTrue(test("str = 'it''s'", rowWith("str", "it's")));
  }

  @Test
  void binaryComparesAsUnsignedBytes() {
    assertTrue(test("bin > X'7F'", rowWith("bin", new byte[] {(byte) 0x80})));
    assertTrue(test("bin = X'0102'", rowWith("bin", new byte[] {1, 2})));
    assertTrue(test("bin = 'ab'", rowWith("bin", new byte[] {'a', 'b'})));
    assertTrue(test(Predicates.lessThan("bin", new byte[] {1, 2}), rowWith("bin", new byte[] {1})));
  }

  @Test
  void booleans() {
    assertTrue(test("flag = TRUE", rowWith("flag", true)));
    assertTrue(test("flag < true", rowWith("flag", false)));
    // a bare boolean column is a condition, as in SQL
    assertTrue(test("flag", rowWith("flag", true)));
    assertTrue(test("NOT flag AND id IS NULL", rowWith("flag", false)));
    assertFalse(test("flag", rowWith("flag", null)));
  }

  @Test
  void datesAndTimes() {
    assertTrue(test("day = '2024-05-01'", rowWith("day", LocalDate.of(2024, 5, 1))));
    assertTrue(test("day = DATE '2024-05-01'", rowWith("day", LocalDate.of(2024, 5, 1))));
    assertTrue(test(Predicates.equal("day", LocalDate.of(2024, 5, 1)), rowWith("day", LocalDate.of(2024, 5, 1))));
    Instant t = Instant.parse("2024-05-01T10:00:00.000001Z");
    assertTrue(test("ts = TIMESTAMP '2024-05-01 10:00:00.000001'", rowWith("ts", t)));
    assertTrue(test("ts = '2024-05-01 12:00:00.000001+02:00'", rowWith("ts", t)));
    assertTrue(test("ts > '2024-05-01'", rowWith("ts", t)));
    assertTrue(test(Predicates.greaterThan("ts", LocalDate.of(2024, 5, 1)), rowWith("ts", t)));
    LocalDateTime n = LocalDateTime.parse("2021-11-18T02:30:00.123456");
    assertTrue(test("ntz = TIMESTAMP_NTZ '2021-11-18 02:30:00.123456'", rowWith("ntz", n)));
    assertTrue(test("ntz >= '2021-11-18T02:30:00.123456'", rowWith("ntz", n)));
    assertTrue(test("ntz < DATE '2021-11-19'", rowWith("ntz", n)));
  }

  @Test
  void voidColumnsAreAlwaysNull() {
    Row row = rowWith("id", 1L);
    assertTrue(test("v IS NULL", row));
    assertFalse(test("v = 1", row));
    assertFalse(test("NOT (v = 'x')", row));
  }

  @Test
  void nestedFields() {
    Row address = new ListRow(ADDRESS, "Paris", 75001);
    assertTrue(test("address.city = 'Paris'", rowWith("address", address)));
    assertTrue(test("address.zip > 75000", rowWith("address", address)));
    assertTrue(test("address IS NOT NULL", rowWith("address", address)));
    // a null struct makes its fields null
    assertFalse(test("address.city = 'Paris'", rowWith("address", null)));
    assertTrue(test("address.city IS NULL", rowWith("address", null)));
    assertTrue(test("tags IS NULL", rowWith("tags", null)));
    assertTrue(test("tags IS NOT NULL", rowWith("tags", List.of("a"))));
  }

  @Test
  void namesResolveIgnoringCase() {
    assertTrue(test("ID = 1 AND Address.CITY = 'x'",
        new ListRow(ALL, rowValues("id", 1L, "address", new ListRow(ADDRESS, "x", null)))));
  }

  @Test
  void rowsWithAnotherSchemaOrderAreReadByName() {
    BoundPredicate p = Predicates.parse("a = 1 AND b = 2").bind(
        StructType.of(TestSchemas.field("a", PrimitiveType.LONG), TestSchemas.field("b", PrimitiveType.LONG)));
    StructType reordered =
        StructType.of(TestSchemas.field("b", PrimitiveType.LONG), TestSchemas.field("a", PrimitiveType.LONG));
    assertTrue(p.test(new ListRow(reordered, 2L, 1L)));
    assertFalse(p.test(new ListRow(reordered, 1L, 2L)));
    StructType onlyA = StructType.of(TestSchemas.field("a", PrimitiveType.LONG));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.test(new ListRow(onlyA, 1L)));
    assertEquals("The row has no column \"b\" (it has [a]); a filtered scan must read every column its predicate uses.",
        e.getMessage());
  }

  private static Object[] rowValues(Object... nameValuePairs) {
    Object[] values = new Object[ALL.length()];
    Arrays.fill(values, null);
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      values[ALL.indexOf((String) nameValuePairs[i])] = nameValuePairs[i + 1];
    }
    return values;
  }
}
