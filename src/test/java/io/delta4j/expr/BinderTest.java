package io.delta4j.expr;

import io.delta4j.types.ColumnMappingMode;
import static io.delta4j.expr.TestSchemas.ALL;
import static io.delta4j.expr.TestSchemas.field;
import static io.delta4j.expr.TestSchemas.mapped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Predicate#bind}: resolution of names, physical names, and literal coercion errors. */
class BinderTest {
  private static String bindError(String predicate, StructType schema) {
    return assertThrows(IllegalArgumentException.class, () -> Predicates.parse(predicate).bind(schema)).getMessage();
  }

  private static String bindError(Predicate predicate) {
    return assertThrows(IllegalArgumentException.class, () -> predicate.bind(ALL)).getMessage();
  }

  @Test
  void unknownColumnsNameWhatTheTableHas() {
    StructType schema = StructType.of(field("id", PrimitiveType.LONG), field("address", TestSchemas.ADDRESS));
    assertEquals("Column \"x\" does not exist; the table has [id, address].", bindError("x = 1", schema));
    assertEquals("Column \"address.zipcode\" does not exist; \"address\" has [city, zip].",
        bindError("address.zipcode = 1", schema));
    assertEquals("Column \"id.x\" does not exist; \"id\" is a long, not a struct.", bindError("id.x = 1", schema));
    assertEquals("Column \"`my col`\" does not exist; the table has [id, address].", bindError("`my col` IS NULL", schema));
  }

  @Test
  void columnsResolveExactlyThenIgnoringCaseAndAreListedOnce() {
    BoundPredicate p = Predicates.parse("ID > 1 AND address.City = 'x' OR id < 0 OR Address IS NULL").bind(ALL);
    assertEquals(List.of(List.of("id"), List.of("address", "city"), List.of("address")),
        p.columns().stream().map(BoundColumn::logicalPath).toList());
    assertEquals(PrimitiveType.STRING, p.columns().get(1).type());
    assertEquals("address.city", p.columns().get(1).name());
  }

  @Test
  void physicalNamesComeFromColumnMappingMetadata() {
    StructType schema = StructType.of(
        mapped("id", PrimitiveType.LONG, 1, "col-1"),
        mapped("address", StructType.of(mapped("city", PrimitiveType.STRING, 3, "col-3")), 2, "col-2"),
        field("plain", PrimitiveType.LONG));
    Predicate predicate = Predicates.parse("id = 1 AND address.city = 'x' AND plain = 2");
    assertEquals(List.of(List.of("col-1"), List.of("col-2", "col-3"), List.of("plain")),
        predicate.bind(schema).columns().stream().map(BoundColumn::physicalPath).toList());
    assertEquals(List.of(List.of("col-1"), List.of("col-2", "col-3"), List.of("plain")),
        predicate.bind(schema, ColumnMappingMode.ID).columns().stream().map(BoundColumn::physicalPath).toList());
    // without column mapping, the logical names are the physical ones, whatever the metadata says
    assertEquals(List.of(List.of("id"), List.of("address", "city"), List.of("plain")),
        predicate.bind(schema, ColumnMappingMode.NONE).columns().stream().map(BoundColumn::physicalPath).toList());
  }

  @Test
  void literalsThatCannotBeCoercedAreRefusedNamingColumnTypeAndLiteral() {
    assertEquals("Cannot compare column \"day\" of type date with 5 (long): expected a date, or a string such as"
        + " '2024-05-01'.", bindError(Predicates.equal("day", 5L)));
    assertEquals("Cannot compare column \"day\" of type date with '2024-5-1' (string): expected a date such as"
        + " '2024-05-01'.", bindError(Predicates.equal("day", "2024-5-1")));
    assertEquals("Cannot compare column \"id\" of type long with '5' (string): expected a number.",
        bindError(Predicates.equal("id", "5")));
    assertEquals("Cannot compare column \"dec\" of type decimal(10,2) with TRUE (boolean): expected a number.",
        bindError(Predicates.equal("dec", true)));
    assertEquals("Cannot compare column \"str\" of type string with 5 (int): expected a string.",
        bindError(Predicates.in("str", "a", 5)));
    assertEquals("Cannot compare column \"flag\" of type boolean with 'true' (string): expected true or false.",
        bindError(Predicates.equal("flag", "true")));
    assertEquals("Cannot compare column \"bin\" of type binary with 1 (long): expected binary, or a string (its UTF-8"
        + " bytes).", bindError(Predicates.equal("bin", 1L)));
    assertEquals("Cannot compare column \"ts\" of type timestamp with TIMESTAMP_NTZ '2024-05-01 10:00:00'"
        + " (timestamp_ntz): expected an Instant, a date, or a string such as '2024-05-01 10:00:00' (UTC) or"
        + " '2024-05-01T10:00:00+02:00'.", bindError(Predicates.equal("ts", LocalDateTime.parse("2024-05-01T10:00"))));
    assertEquals("Cannot compare column \"ntz\" of type timestamp_ntz with TIMESTAMP '2024-05-01 10:00:00'"
        + " (timestamp): expected a LocalDateTime, a date, or a string such as '2024-05-01 10:00:00'.",
        bindError(Predicates.equal("ntz", Instant.parse("2024-05-01T10:00:00Z"))));
    assertEquals("Cannot compare column \"ts\" of type timestamp with '' (string): expected an Instant, a date, or a"
        + " string such as '2024-05-01 10:00:00' (UTC) or '2024-05-01T10:00:00+02:00'.",
        bindError(Predicates.equal("ts", "")));
  }

  @Test
  void onlyNullTestsApplyToNestedTypes() {
    StructType schema = StructType.of(
        field("address", TestSchemas.ADDRESS),
        field("m", new MapType(PrimitiveType.STRING, PrimitiveType.LONG, true)),
        field("v", PrimitiveType.VARIANT));
    assertEquals("Cannot compare column \"address\" of type struct<city:string,zip:int> with a value: only IS NULL and"
        + " IS NOT NULL apply to struct, array, map and variant columns.", bindError("address = 1", schema));
    assertEquals("Cannot compare column \"m\" of type map<string,long> with a value: only IS NULL and IS NOT NULL"
        + " apply to struct, array, map and variant columns.", bindError("m IN (1)", schema));
    assertEquals("Cannot compare column \"v\" of type variant with a value: only IS NULL and IS NOT NULL apply to"
        + " struct, array, map and variant columns.", bindError("v = 'x'", schema));
    // NULL compares with anything, and is never true
    Predicates.parse("address IS NULL AND m IS NOT NULL AND v IS NULL").bind(schema);
  }

  @Test
  void theBoundFormKeepsThePredicateAndSchema() {
    Predicate predicate = Predicates.parse("dec > 1.5 AND str IN ('a', 'b')");
    BoundPredicate bound = predicate.bind(ALL);
    assertEquals(predicate, bound.predicate());
    assertEquals(ALL, bound.schema());
    assertEquals(predicate.toString(), bound.toString());
    assertEquals(new DecimalType(10, 2), bound.columns().get(0).type());
  }
}
