package io.delta4j.expr;

import static io.delta4j.expr.Predicates.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.expr.Predicate.And;
import io.delta4j.expr.Predicate.Comparison;
import io.delta4j.expr.Predicate.Not;
import io.delta4j.expr.Predicate.Or;
import io.delta4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Predicates#parse}: the CLI's {@code --where} syntax. */
class PredicateParserTest {
  private static Predicate cmp(String column, Operator op, Object value) {
    return Predicates.compare(Column.parse(column), op, value);
  }

  private static Object literal(String text) {
    return ((Comparison) parse("x = " + text)).literal().value();
  }

  private static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
  }

  @Test
  void theIssueExample() {
    assertEquals(
        new And(
            new And(
                cmp("id", Operator.GREATER_THAN, 5L),
                new Or(cmp("name", Operator.EQUAL, "x"), Predicates.isNull("d"))),
            Predicates.in("k", 1L, 2L)),
        parse("id > 5 AND (name = 'x' OR d IS NULL) AND k IN (1, 2)"));
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    Predicate a = cmp("a", Operator.EQUAL, 1L);
    Predicate b = cmp("b", Operator.EQUAL, 2L);
    Predicate c = cmp("c", Operator.EQUAL, 3L);
    assertEquals(new Or(a, new And(b, c)), parse("a = 1 OR b = 2 AND c = 3"));
    assertEquals(new Or(new And(a, b), c), parse("a = 1 AND b = 2 OR c = 3"));
    assertEquals(new And(new Not(a), b), parse("NOT a = 1 AND b = 2"));
    assertEquals(new Not(new And(a, b)), parse("NOT (a = 1 AND b = 2)"));
    assertEquals(new Or(new Not(a), new Not(new Not(b))), parse("NOT a = 1 OR NOT NOT b = 2"));
    assertEquals(new And(new And(a, b), c), parse("a = 1 AND b = 2 AND c = 3"));
    assertEquals(new And(a, new Or(b, c)), parse("a = 1 AND (b = 2 OR c = 3)"));
    assertEquals(a, parse("((a = 1))"));
  }

  @Test
  void keywordsIgnoreCase() {
    assertEquals(parse("a IS NOT NULL AND b IN (1) OR NOT c = TRUE"), parse("a is not null and b in (1) or not c = true"));
  }

  @ParameterizedTest
  @CsvSource({"=, EQUAL", "==, EQUAL", "<>, NOT_EQUAL", "!=, NOT_EQUAL", "<, LESS_THAN", "<=, LESS_THAN_OR_EQUAL",
    ">, GREATER_THAN", ">=, GREATER_THAN_OR_EQUAL"})
  void operators(String symbol, Operator operator) {
    assertEquals(cmp("a", operator, "b"), parse("a " + symbol + " 'b'"));
    assertEquals(cmp("a", operator, "b"), parse("a" + symbol + "'b'"));
    assertEquals(cmp("a", operator.flip(), 1L), parse("1 " + symbol + " a"));
  }

  @Test
  void nullTestsAndIn() {
    assertEquals(Predicates.isNull("a"), parse("a IS NULL"));
    assertEquals(Predicates.isNotNull("a.b"), parse("a.b IS NOT NULL"));
    assertEquals(Predicates.in("k", 1L, "x", null), parse("k IN (1, 'x', NULL)"));
    assertEquals(new Not(Predicates.in("k", 1L)), parse("k NOT IN (1)"));
    assertEquals(Predicates.alwaysTrue(), parse("TRUE"));
    assertEquals(new And(Predicates.alwaysFalse(), Predicates.equal("flag", true)), parse("false AND flag"));
  }

  @Test
  void literals() {
    assertEquals("it's", literal("'it''s'"));
    assertEquals("", literal("''"));
    assertEquals(5L, literal("5"));
    assertEquals(-5L, literal("-5"));
    assertEquals(-5L, literal("- 5"));
    assertEquals(Long.MIN_VALUE, literal("-9223372036854775808"));
    assertEquals(new BigDecimal("9223372036854775808"), literal("9223372036854775808"));
    assertEquals(new BigDecimal("1.50"), literal("1.50"));
    assertEquals(new BigDecimal("0.5"), literal(".5"));
    assertEquals(1500.0, literal("1.5e3"));
    assertEquals(-0.015, literal("-1.5E-2"));
    assertEquals(5L, literal("5L"));
    assertEquals((short) 5, literal("5s"));
    assertEquals((byte) -5, literal("-5Y"));
    assertEquals(new BigDecimal("5"), literal("5BD"));
    assertEquals(1.5, literal("1.5D"));
    assertEquals(1.5f, literal("1.5F"));
    assertEquals(true, literal("TRUE"));
    assertEquals(false, literal("false"));
    assertEquals(null, literal("NULL"));
    assertEquals(PrimitiveType.VOID, ((Comparison) parse("x = NULL")).literal().type());
    assertEquals(LocalDate.of(2024, 5, 1), literal("DATE '2024-05-01'"));
    assertEquals(Instant.parse("2024-05-01T10:00:00Z"), literal("TIMESTAMP '2024-05-01 10:00:00'"));
    assertEquals(Instant.parse("2024-05-01T08:00:00.123456Z"), literal("timestamp '2024-05-01T10:00:00.123456+02:00'"));
    assertEquals(Instant.parse("2024-05-01T00:00:00Z"), literal("TIMESTAMP '2024-05-01'"));
    assertEquals(LocalDateTime.parse("2024-05-01T10:00:00.5"), literal("TIMESTAMP_NTZ '2024-05-01 10:00:00.5'"));
    assertArrayEquals(new byte[] {0x0A, (byte) 0xFF}, (byte[]) literal("X'0aFF'"));
    assertArrayEquals(new byte[0], (byte[]) literal("x''"));
  }

  @Test
  void names() {
    assertEquals(List.of("my col"), ((Comparison) parse("`my col` = 1")).column().path());
    assertEquals(List.of("a`b"), ((Comparison) parse("`a``b` = 1")).column().path());
    assertEquals(List.of("a.b", "c"), ((Comparison) parse("`a.b`.c = 1")).column().path());
    assertEquals(List.of("address", "city"), ((Comparison) parse("address . city = 1")).column().path());
    assertEquals(List.of("and"), ((Comparison) parse("`and` = 1")).column().path());
    assertEquals(List.of("größe"), ((Comparison) parse("größe = 1")).column().path());
    // DATE, TIMESTAMP and TIMESTAMP_NTZ start a literal only before a string
    assertEquals(cmp("date", Operator.EQUAL, "2024-05-01"), parse("date = '2024-05-01'"));
    assertEquals(cmp("timestamp", Operator.LESS_THAN, 1L), parse("timestamp < 1"));
    assertEquals(Predicates.isNull("Timestamp_Ntz"), parse("Timestamp_Ntz IS NULL"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "id > 5 AND (name = 'x' OR d IS NULL) AND k IN (1, 2)",
    "a = 1 OR b = 2 OR c = 3",
    "a = 1 OR (b = 2 OR c = 3)",
    "a = 1 AND (b = 2 AND c = 3)",
    "NOT (a = 1 OR b = 2) AND NOT (NOT (c IS NOT NULL))",
    "`my col` <> 'it''s' AND `a.b`.c >= -1.50 AND `or` = TRUE",
    "s = 5S AND b = -5Y AND dec = 5BD AND d = 1.5D AND f = 2.5F AND big = 1.0E300D",
    "day = DATE '2024-05-01' AND ts < TIMESTAMP '2024-05-01 10:00:00.000001' AND n > TIMESTAMP_NTZ '2024-05-01 10:00:00'",
    "bin = X'00FF' AND x IN (NULL, FALSE) AND TRUE OR FALSE",
  })
  void toStringParsesBack(String text) {
    Predicate p = parse(text);
    assertEquals(p, parse(p.toString()), p.toString());
  }

  @Test
  void toStringIsSqlLike() {
    assertEquals("id > 5 AND (name = 'x' OR d IS NULL) AND k IN (1, 2)",
        parse("id>5 and (name='x' or d is null) and k in (1,2)").toString());
    assertEquals("NOT (a = 1)", parse("not a = 1").toString());
    assertEquals("`my col` <> 'it''s'", parse("`my col` != 'it''s'").toString());
    assertEquals("date = DATE '2024-05-01' AND id > 100",
        Predicates.and(Predicates.equal("date", LocalDate.of(2024, 5, 1)), Predicates.greaterThan("id", 100L)).toString());
    assertEquals("ts = TIMESTAMP '2024-05-01 10:00:00' AND `1st` = 1",
        Predicates.and(Predicates.equal("ts", Instant.parse("2024-05-01T10:00:00Z")), Predicates.equal("`1st`", 1)).toString());
    assertEquals("d = NaN", Predicates.equal("d", Double.NaN).toString()); // readable, though not parseable
  }

  @Test
  void errorsSayWhatWasExpectedAndWhere() {
    assertEquals("Expected ')' at position 17 (found end of input) in: a = 1 AND (b = 2", error("a = 1 AND (b = 2"));
    assertEquals("Expected a literal at position 5 (found end of input) in: a = ", error("a = "));
    assertEquals("Expected a literal at position 5 (found 'b') in: a = b", error("a = b"));
    assertEquals("Expected a comparison operator, IS or IN at position 3 (found '1') in: a 1", error("a 1"));
    assertEquals("Expected AND, OR or the end at position 7 (found 'b') in: a = 1 b = 2", error("a = 1 b = 2"));
    assertEquals("Expected AND, OR or the end at position 6 (found ')') in: a = 1)", error("a = 1)"));
    assertEquals("Expected NULL or NOT NULL at position 6 (found '1') in: a IS 1", error("a IS 1"));
    assertEquals("Expected NULL at position 10 (found 'TRUE') in: a IS NOT TRUE", error("a IS NOT TRUE"));
    assertEquals("Expected '(' at position 6 (found '1') in: a IN 1", error("a IN 1"));
    assertEquals("Expected ',' or ')' at position 9 (found '2') in: a IN (1 2)", error("a IN (1 2)"));
    assertEquals("Expected a literal at position 7 (found ')') in: a IN ()", error("a IN ()"));
    assertEquals("Expected a column, a literal or '(' at position 1 (found end of input) in: ", error(""));
    assertEquals("Expected a column, a literal or '(' at position 1 (found 'AND') in: AND = 1", error("AND = 1"));
    assertEquals("Expected a column name at position 5 (found '2') in: 1 = 2", error("1 = 2"));
    assertEquals("Expected a comparison operator at position 2 (found end of input) in: 1", error("1"));
    assertEquals("Expected a column, a literal or '(' at position 9 (found end of input) in: a = 1 OR", error("a = 1 OR"));
    assertEquals("Expected a column name at position 4 (found '=') in: a. = 1", error("a. = 1"));
  }

  @Test
  void lexicalErrors() {
    assertEquals("Unterminated string starting at position 5 in: a = 'x", error("a = 'x"));
    assertEquals("Unterminated quoted name starting at position 1 in: `a = 1", error("`a = 1"));
    assertEquals("Unexpected character '#' at position 3 in: a # 1", error("a # 1"));
    assertEquals("Unexpected character '\"' at position 5 in: a = \"x\"", error("a = \"x\""));
    assertEquals("Empty quoted name at position 1 in: `` = 1", error("`` = 1"));
    assertEquals("Invalid number '5x' at position 5: the suffix must be L, S, Y, BD, D or F, and L, S and Y need a"
        + " whole number in: a = 5x", error("a = 5x"));
    assertEquals("Invalid number '1.5L' at position 5: the suffix must be L, S, Y, BD, D or F, and L, S and Y need a"
        + " whole number in: a = 1.5L", error("a = 1.5L"));
    assertEquals("Invalid number '300Y' at position 5: it is out of range for its type in: a = 300Y", error("a = 300Y"));
    assertEquals("Invalid binary literal 'X'ABC'' at position 5: expected an even number of hex digits in: a = X'ABC'",
        error("a = X'ABC'"));
    assertEquals("Invalid DATE literal '2024-13-01' at position 5: expected yyyy-MM-dd in: a = DATE '2024-13-01'",
        error("a = DATE '2024-13-01'"));
    assertEquals("Invalid TIMESTAMP_NTZ literal '2024-05-01 10:00:00Z' at position 5: expected"
        + " yyyy-MM-dd[ HH:mm:ss[.ffffff]] in: a = TIMESTAMP_NTZ '2024-05-01 10:00:00Z'",
        error("a = TIMESTAMP_NTZ '2024-05-01 10:00:00Z'"));
  }
}
