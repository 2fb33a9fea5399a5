package io.delta4j.write;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.ConstraintViolationException;
import io.delta4j.ListRow;
import io.delta4j.UnsupportedTableFeatureException;
import io.delta4j.types.ArrayType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.SchemaJson;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RowConstraints}: NOT NULL, column invariants and CHECK constraints on rows being written. */
class RowConstraintsTest {
  private static final String TABLE = "/t";

  /** x integer with the invariant of PROTOCOL.md's example, as Spark writes the schema string. */
  private static final String INVARIANT_SCHEMA = "{\"type\":\"struct\",\"fields\":[{\"name\":\"x\",\"type\":\"integer\","
      + "\"nullable\":true,\"metadata\":{\"delta.invariants\":\"{\\\"expression\\\": { \\\"expression\\\": \\\"x > 3\\\"} }\"}}]}";

  private static ConstraintViolationException violation(RowConstraints constraints, ListRow row) {
    return assertThrows(ConstraintViolationException.class, () -> constraints.check(row));
  }

  @Test
  void invariantOfTheProtocolExampleFailsOnFalseAndNull() {
    StructType schema = SchemaJson.parse(INVARIANT_SCHEMA);
    RowConstraints constraints = RowConstraints.of(TABLE, schema, Map.of());
    assertDoesNotThrow(() -> constraints.check(new ListRow(schema, 4)));
    ConstraintViolationException e = violation(constraints, new ListRow(schema, 3));
    assertEquals("/t: Cannot write row: Invariant on x (x > 3) violated by row with values: x=3 (every row written"
        + " must make it true; null counts as a violation).", e.getMessage());
    assertEquals("on x", e.constraint());
    assertEquals("x > 3", e.expression());
    assertEquals("/t: Cannot write row: Invariant on x (x > 3) violated by row with values: x=NULL (every row"
        + " written must make it true; null counts as a violation).",
        violation(constraints, new ListRow(schema, (Object) null)).getMessage());
  }

  @Test
  void checkConstraintsNameTheConstraintAndEveryValueTheyRead() {
    StructType schema = StructType.of(
        new StructField("id", PrimitiveType.LONG, true),
        new StructField("birthDate", PrimitiveType.DATE, true),
        new StructField("name", PrimitiveType.STRING, true));
    RowConstraints constraints = RowConstraints.of(TABLE, schema, Map.of(
        "delta.constraints.birthdatecheck", "birthDate > '1900-01-01'",
        "delta.constraints.idrange", "id >= 0 AND (name IS NOT NULL OR id < 10)",
        "delta.appendOnly", "true"));
    assertFalse(constraints.isEmpty());
    assertDoesNotThrow(() -> constraints.check(new ListRow(schema, 5L, LocalDate.of(1990, 1, 1), null)));
    ConstraintViolationException e =
        violation(constraints, new ListRow(schema, 12L, LocalDate.of(1990, 1, 1), null));
    assertEquals("/t: Cannot write row: CHECK constraint idrange (id >= 0 AND (name IS NOT NULL OR id < 10)) violated"
        + " by row with values: id=12, name=NULL (every row written must make it true; null counts as a violation).",
        e.getMessage());
    assertEquals("idrange", e.constraint());
    // Constraints are checked in name order: birthdatecheck first.
    assertEquals("birthdatecheck",
        violation(constraints, new ListRow(schema, -1L, LocalDate.of(1800, 1, 1), "x")).constraint());
    // A comparison with null is unknown, which fails a CHECK constraint as Delta fails it.
    assertEquals("birthdatecheck", violation(constraints, new ListRow(schema, 1L, null, "x")).constraint());
  }

  @Test
  void notNullFollowsDeltaNestedRules() {
    StructType inner = StructType.of(
        new StructField("a", PrimitiveType.INTEGER, false),
        new StructField("b", PrimitiveType.INTEGER, true));
    StructType schema = StructType.of(
        new StructField("id", PrimitiveType.LONG, false),
        new StructField("opt", inner, true),
        new StructField("req", inner, false),
        new StructField("list", new ArrayType(PrimitiveType.STRING, false), true),
        new StructField("structs", new ArrayType(inner, true), true),
        new StructField("map", new MapType(PrimitiveType.STRING, PrimitiveType.LONG, false), true));
    RowConstraints constraints = RowConstraints.of(TABLE, schema, Map.of());
    ListRow okInner = new ListRow(inner, 1, null);
    ListRow badInner = new ListRow(inner, null, 2);

    // A null, nullable struct may hold non-nullable fields; so may a null, nullable array element.
    assertDoesNotThrow(() -> constraints.check(new ListRow(schema, 1L, null, okInner, List.of("x"),
        Arrays.asList(okInner, null), Map.of("k", 1L))));
    assertEquals("/t: Cannot write row: NOT NULL constraint violated: column id is null, but the schema declares it"
        + " non-nullable; give it a value.",
        violation(constraints, new ListRow(schema, null, null, okInner, null, null, null)).getMessage());
    assertEquals("opt.a", violation(constraints, new ListRow(schema, 1L, badInner, okInner, null, null, null))
        .expression().replace(" IS NOT NULL", ""));
    assertEquals("NOT NULL on req", violation(constraints, new ListRow(schema, 1L, null, null, null, null, null))
        .constraint());
    assertEquals("NOT NULL on list.element", violation(constraints,
        new ListRow(schema, 1L, null, okInner, Arrays.asList("x", null), null, null)).constraint());
    assertEquals("NOT NULL on structs.element.a", violation(constraints,
        new ListRow(schema, 1L, null, okInner, null, List.of(badInner), null)).constraint());
    Map<String, Long> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertEquals("NOT NULL on map.value", violation(constraints,
        new ListRow(schema, 1L, null, okInner, null, null, nullValue)).constraint());
  }

  @Test
  void aTableOfNullableColumnsHasNothingToCheck() {
    assertTrue(RowConstraints.of(TABLE, StructType.of(new StructField("x", PrimitiveType.INTEGER, true)), Map.of())
        .isEmpty());
  }

  @Test
  void invariantsOnNestedFieldsUseTheFullPath() {
    StructType inner = StructType.of(new StructField("b", PrimitiveType.INTEGER, true,
        Map.of("delta.invariants", "{\"expression\":{\"expression\":\"a.b < 10\"}}")));
    StructType schema = StructType.of(new StructField("a", inner, true));
    RowConstraints constraints = RowConstraints.of(TABLE, schema, Map.of());
    assertDoesNotThrow(() -> constraints.check(new ListRow(schema, new ListRow(inner, 9))));
    assertEquals("/t: Cannot write row: Invariant on b (a.b < 10) violated by row with values: a.b=10 (every row"
        + " written must make it true; null counts as a violation).",
        violation(constraints, new ListRow(schema, new ListRow(inner, 10))).getMessage());
  }

  @Test
  void constraintsDelta4jCannotEvaluateRefuseTheTable() {
    StructType schema = StructType.of(new StructField("x", PrimitiveType.INTEGER, true));
    UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class,
        () -> RowConstraints.of(TABLE, schema, Map.of("delta.constraints.twice", "x < length(name)")));
    assertEquals(Set.of("checkConstraints"), e.unsupportedFeatures());
    assertEquals("/t: Cannot write table: CHECK constraint twice (x < length(name)) cannot be enforced: Expected a literal"
        + " at position 5 (found 'length') in: x < length(name). delta4j checks comparisons of columns with literals,"
        + " IS [NOT] NULL, IN, NOT, AND and OR; write with an engine that supports the expression, or drop the"
        + " constraint.", e.getMessage());

    e = assertThrows(UnsupportedTableFeatureException.class,
        () -> RowConstraints.of(TABLE, schema, Map.of("delta.constraints.c", "y > 0")));
    assertTrue(e.getMessage().contains("cannot be enforced: Column \"y\" does not exist; the table has [x]."),
        e.getMessage());

    StructType badInvariant = StructType.of(new StructField("x", PrimitiveType.INTEGER, true,
        Map.of("delta.invariants", "{\"rule\":\"x > 1\"}")));
    e = assertThrows(UnsupportedTableFeatureException.class, () -> RowConstraints.of(TABLE, badInvariant, Map.of()));
    assertEquals(Set.of("invariants"), e.unsupportedFeatures());
    assertTrue(e.getMessage().startsWith("/t: Cannot write table: Invariant on x ({\"rule\":\"x > 1\"}) cannot be"
        + " enforced: it is not {\"expression\":{\"expression\":\"<SQL>\"}}."), e.getMessage());
  }
}
