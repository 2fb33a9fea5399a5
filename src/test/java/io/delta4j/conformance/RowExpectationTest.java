package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.conformance.RowExpectation.Filtered;
import io.delta4j.conformance.RowExpectation.InlineRows;
import io.delta4j.conformance.RowExpectation.ParquetRows;
import io.delta4j.conformance.RowExpectation.Rows;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The expected formats of {@code rows} and {@code rowCount} cases. */
class RowExpectationTest {
  private static InlineRows inline(String text) {
    return (InlineRows) RowExpectation.parseRows(text).body();
  }

  @Test
  void parsesParquetSourcesWithFilterAndExclusions() {
    Filtered<Rows> plain = RowExpectation.parseRows("parquet:dat/x/expected/v0");
    assertEquals(Optional.empty(), plain.where());
    assertEquals(new ParquetRows("dat/x/expected/v0", List.of()), plain.body());

    Filtered<Rows> filtered = RowExpectation.parseRows("where a >= 7 AND b = 'x => y' => parquet:k/e except t, u");
    assertEquals(Optional.of("a >= 7 AND b = 'x => y'"), filtered.where(), "the first \" => \" outside quotes");
    assertEquals(new ParquetRows("k/e", List.of("t", "u")), filtered.body());
    assertThrows(IllegalArgumentException.class, () -> RowExpectation.parseRows("parquet:../etc"));
    assertThrows(IllegalArgumentException.class, () -> RowExpectation.parseRows("parquet:/abs"));
  }

  @Test
  void rangesRepeatsAndTuples() {
    InlineRows ids = inline("id:long = 0..2, 10, 7*2, 4..5*2");
    assertEquals(List.of("id"), ids.names());
    assertEquals(PrimitiveType.LONG, ids.columns().fields().get(0).type());
    assertEquals(List.of(0L, 1L, 2L, 10L, 7L, 7L, 4L, 5L, 4L, 5L), ids.rows().stream().map(r -> r.get(0)).toList());

    InlineRows pairs = inline("`a b`:int, s:string = (1, 'x, y'), (null, 'it''s')*2, (3, null)");
    assertEquals(List.of("a b", "s"), pairs.names());
    assertEquals(
        List.of(Arrays.asList(1, "x, y"), Arrays.asList(null, "it's"), Arrays.asList(null, "it's"),
            Arrays.asList(3, null)),
        pairs.rows());
    assertEquals(List.of(), inline("id:long = none").rows());
    assertEquals(List.of(List.of("a*2")), inline("s:string = 'a*2'").rows(), "a quoted star is text");
  }

  @Test
  void literalsTakeTheirColumnsJavaClasses() {
    assertEquals(new BigDecimal("1.00"), RowExpectation.literal(new DecimalType(5, 2), "1"));
    assertEquals(new BigDecimal("-999.99"), RowExpectation.literal(new DecimalType(5, 2), "-999.99"));
    assertThrows(IllegalArgumentException.class, () -> RowExpectation.literal(new DecimalType(5, 2), "1.001"));
    assertThrows(IllegalArgumentException.class, () -> RowExpectation.literal(new DecimalType(3, 2), "10"));
    assertEquals((byte) -3, RowExpectation.literal(PrimitiveType.BYTE, "-3"));
    assertEquals((short) 300, RowExpectation.literal(PrimitiveType.SHORT, "300"));
    assertEquals(3.4f, RowExpectation.literal(PrimitiveType.FLOAT, "3.4"));
    assertEquals(Boolean.FALSE, RowExpectation.literal(PrimitiveType.BOOLEAN, "false"));
    assertEquals(LocalDate.of(2021, 9, 8), RowExpectation.literal(PrimitiveType.DATE, "2021-09-08"));
    assertEquals(Instant.parse("2020-01-01T08:09:10.001Z"),
        RowExpectation.literal(PrimitiveType.TIMESTAMP, "1577866150001000"));
    assertEquals(Instant.parse("1969-01-01T00:00:00Z"),
        RowExpectation.literal(PrimitiveType.TIMESTAMP, "-31536000000000"));
    assertEquals(Instant.parse("2020-01-01T00:09:10.001Z"),
        RowExpectation.literal(PrimitiveType.TIMESTAMP, "2020-01-01T08:09:10.001+08:00"));
    assertEquals(LocalDateTime.parse("2021-11-18T02:30:00.123456"),
        RowExpectation.literal(PrimitiveType.TIMESTAMP_NTZ, "1637202600123456"));
    assertEquals(LocalDateTime.parse("1969-12-31T23:59:59.999999"),
        RowExpectation.literal(PrimitiveType.TIMESTAMP_NTZ, "-1"));
    assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) RowExpectation.literal(PrimitiveType.BINARY, "X'0001ff'"));
    assertThrows(IllegalArgumentException.class, () -> RowExpectation.literal(PrimitiveType.STRING, "bare"));
    assertThrows(IllegalArgumentException.class, () -> RowExpectation.literal(PrimitiveType.INTEGER, "1.5"));
  }

  @Test
  void nestedTypesAndValues() {
    InlineRows rows = inline("s:struct<a:long, `b c`:string>, m:map<long,array<int>>, x:array<decimal(3,1)>"
        + " = ({a: 1, `b c`: 'x, y'}, {2 -> [3, null], -1 -> []}, [1.5, null]), (null, {}, null)");
    assertEquals("struct<s:struct<a:long,b c:string>,m:map<long,array<int>>,x:array<decimal(3,1)>>",
        rows.columns().simpleString());
    List<Object> first = rows.rows().get(0);
    io.delta4j.Row s = (io.delta4j.Row) first.get(0);
    assertEquals(1L, s.get(0));
    assertEquals("x, y", s.get(1));
    java.util.Map<Object, Object> m = new java.util.LinkedHashMap<>();
    m.put(2L, Arrays.asList(3, null));
    m.put(-1L, List.of());
    assertEquals(m, first.get(1));
    assertEquals(Arrays.asList(new BigDecimal("1.5"), null), first.get(2));
    assertEquals(Arrays.asList(null, java.util.Map.of(), null), rows.rows().get(1));
    assertEquals("{m={long:-1->[], long:2->[int:3, null]}, s={a=long:1, b c=string:\"x, y\"}, x=[decimal(3,1):1.5, null]}",
        RowCanon.exact().fields(rows.columns(), first::get));
    assertMessage("no value for field b", "s:struct<a:long,b:long> = {a: 1}");
    assertMessage("duplicate key", "m:map<int,int> = {1 -> 2, 1 -> 3}");
  }

  @Test
  void rejectsMalformedExpectations() {
    assertMessage("unknown type \"integer32\"", "id:integer32 = 1");
    assertMessage("want <name>:<type>", "id = 1");
    assertMessage("has 1 values, want 2", "a:int, b:int = (1)");
    assertMessage("want (v1, v2, ...)", "a:int, b:int = 1, 2");
    assertMessage("listed twice", "a:int, a:long = (1, 2)");
    assertMessage("empty range", "a:int = 5..1");
    assertMessage("unclosed quote", "s:string = 'x");
    assertMessage("Expected", "where a = => a:int = 1");
    assertThrows(IllegalArgumentException.class, () -> RowExpectation.parseCount("where x > 1 => many"));
    assertEquals(new Filtered<>(Optional.of("part >= 7"), 12L), RowExpectation.parseCount("where part >= 7 => 12"));
  }

  private static void assertMessage(String fragment, String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RowExpectation.parseRows(text));
    assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks " + fragment);
  }
}
