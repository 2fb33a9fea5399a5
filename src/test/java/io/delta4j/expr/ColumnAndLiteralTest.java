package io.delta4j.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnAndLiteralTest {
  @Test
  void columnsParseDottedNamesWithBackquotes() {
    assertEquals(List.of("address", "city"), Column.parse("address.city").path());
    assertEquals(List.of("my col"), Column.parse("my col").path());
    assertEquals(List.of("a.b", "c"), Column.parse("`a.b`.c").path());
    assertEquals(List.of("a`b"), Column.parse("`a``b`").path());
    assertEquals(List.of("a.b"), Column.of("a.b").path());
    assertEquals("`a.b`.c", Column.parse("`a.b`.c").toString());
    assertEquals("`my col`.`AND`.x_1", Column.of("my col", "AND", "x_1").toString());
  }

  @Test
  void badColumnNames() {
    assertEquals("Invalid column name \"a..b\": it has an empty part (quote names that contain dots with backquotes).",
        assertThrows(IllegalArgumentException.class, () -> Column.parse("a..b")).getMessage());
    assertEquals("Invalid column name \"`a\": a backquote is not closed.",
        assertThrows(IllegalArgumentException.class, () -> Column.parse("`a")).getMessage());
    assertEquals("Invalid column name \"`a`b\": a quoted name must be followed by a dot or the end.",
        assertThrows(IllegalArgumentException.class, () -> Column.parse("`a`b")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Column.of());
  }

  @Test
  void literalsAreTypedByTheirJavaClass() {
    assertEquals(PrimitiveType.LONG, Literal.of(1L).type());
    assertEquals(PrimitiveType.INTEGER, Literal.of(1).type());
    assertEquals(PrimitiveType.SHORT, Literal.of((short) 1).type());
    assertEquals(PrimitiveType.BYTE, Literal.of((byte) 1).type());
    assertEquals(PrimitiveType.DOUBLE, Literal.of(1.0).type());
    assertEquals(PrimitiveType.FLOAT, Literal.of(1.0f).type());
    assertEquals(PrimitiveType.STRING, Literal.of("x").type());
    assertEquals(PrimitiveType.BOOLEAN, Literal.of(true).type());
    assertEquals(PrimitiveType.BINARY, Literal.of(new byte[] {1}).type());
    assertEquals(PrimitiveType.DATE, Literal.of(LocalDate.EPOCH).type());
    assertEquals(PrimitiveType.TIMESTAMP, Literal.of(Instant.EPOCH).type());
    assertEquals(PrimitiveType.TIMESTAMP_NTZ, Literal.of(LocalDateTime.of(2024, 1, 1, 0, 0)).type());
    assertEquals(PrimitiveType.VOID, Literal.of(null).type());
    assertEquals(new DecimalType(4, 2), Literal.of(new BigDecimal("12.50")).type());
    assertEquals(new DecimalType(3, 3), Literal.of(new BigDecimal("0.001")).type());
    assertEquals(new DecimalType(4, 0), Literal.of(new BigDecimal("1E+3")).type());
    Literal literal = Literal.ofLong(5);
    assertEquals(literal, Literal.of(literal));
  }

  @Test
  void badLiterals() {
    assertEquals("Cannot use a java.util.Date as a literal: use Long, Integer, Short, Byte, Double, Float, BigDecimal,"
        + " String, Boolean, byte[], LocalDate, Instant or LocalDateTime.",
        assertThrows(IllegalArgumentException.class, () -> Literal.of(new java.util.Date())).getMessage());
    assertEquals("A literal of type date must hold a LocalDate, not java.lang.String.",
        assertThrows(IllegalArgumentException.class, () -> new Literal("2024-01-01", PrimitiveType.DATE)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Literal.of(new BigDecimal("1E+40")));
  }

  @Test
  void binaryLiteralsAreValuesNotArrays() {
    byte[] bytes = {1, 2};
    Literal literal = Literal.ofBinary(bytes);
    bytes[0] = 9;
    assertArrayEquals(new byte[] {1, 2}, (byte[]) literal.value());
    assertEquals(Literal.ofBinary(new byte[] {1, 2}), literal);
    assertEquals(Literal.ofBinary(new byte[] {1, 2}).hashCode(), literal.hashCode());
    assertNotEquals(Literal.ofBinary(new byte[] {1}), literal);
  }
}
