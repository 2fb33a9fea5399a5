package io.delta4j.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds predicates. Column names are dotted paths ({@code address.city}; backquotes quote a name
 * with dots, see {@link Column#parse}); values are Java values typed by their class ({@link
 * Literal#of}) or {@link Literal}s, coerced to the column's type when the predicate is bound:
 *
 * <pre>{@code
 * Predicate p = Predicates.and(
 *     Predicates.equal("date", LocalDate.of(2024, 5, 1)),
 *     Predicates.greaterThan("id", 100L));
 * Predicate q = Predicates.parse("id > 5 AND (name = 'x' OR d IS NULL) AND k IN (1, 2)");
 * }</pre>
 */
public final class Predicates {
  private Predicates() {}

  /**
   * Reads SQL-like text: comparisons ({@code = == <> != < <= > >=}) between a column and a literal,
   * {@code IS [NOT] NULL}, {@code [NOT] IN (...)}, {@code NOT}, {@code AND}, {@code OR} and
   * parentheses, with the usual precedence (NOT binds tighter than AND, AND tighter than OR).
   * Keywords ignore case. Literals: {@code 'text'} (two quotes inside for one), integers (long),
   * {@code 1.5} (decimal), {@code 1.5e3} (double), the suffixes {@code L S Y BD D F} for long,
   * short, byte, decimal, double and float, {@code TRUE}, {@code FALSE}, {@code NULL}, {@code DATE
   * '2024-05-01'}, {@code TIMESTAMP '2024-05-01 10:00:00'} (UTC unless the text has an offset),
   * {@code TIMESTAMP_NTZ '2024-05-01 10:00:00'} and {@code X'0A1B'} (binary). Column names are
   * dotted; backquotes quote names that are keywords or hold other characters ({@code `my col`}).
   * A literal may come first ({@code 5 < id}); a boolean column alone is a condition ({@code flag}).
   *
   * @throws IllegalArgumentException saying what was expected, at which position (1-based), in the
   *     text, e.g. {@code Expected ')' at position 17 (found end of input) in: a = 1 AND (b = 2}
   */
  public static Predicate parse(String text) {
    return new PredicateParser(text).parse();
  }

  public static Predicate alwaysTrue() {
    return new Predicate.Constant(true);
  }

  public static Predicate alwaysFalse() {
    return new Predicate.Constant(false);
  }

  /** The conjunction of all of them; {@link #alwaysTrue()} when there are none. */
  public static Predicate and(Predicate... predicates) {
    return fold(predicates, true);
  }

  /** The disjunction of all of them; {@link #alwaysFalse()} when there are none. */
  public static Predicate or(Predicate... predicates) {
    return fold(predicates, false);
  }

  public static Predicate not(Predicate predicate) {
    return new Predicate.Not(predicate);
  }

  public static Predicate equal(String column, Object value) {
    return compare(column, Operator.EQUAL, value);
  }

  public static Predicate notEqual(String column, Object value) {
    return compare(column, Operator.NOT_EQUAL, value);
  }

  public static Predicate lessThan(String column, Object value) {
    return compare(column, Operator.LESS_THAN, value);
  }

  public static Predicate lessThanOrEqual(String column, Object value) {
    return compare(column, Operator.LESS_THAN_OR_EQUAL, value);
  }

  public static Predicate greaterThan(String column, Object value) {
    return compare(column, Operator.GREATER_THAN, value);
  }

  public static Predicate greaterThanOrEqual(String column, Object value) {
    return compare(column, Operator.GREATER_THAN_OR_EQUAL, value);
  }

  /** {@code column op value}, for a column given as a {@link Column}. */
  public static Predicate compare(Column column, Operator operator, Object value) {
    return new Predicate.Comparison(column, operator, Literal.of(value));
  }

  public static Predicate compare(String column, Operator operator, Object value) {
    return compare(Column.parse(column), operator, value);
  }

  public static Predicate isNull(String column) {
    return new Predicate.IsNull(Column.parse(column));
  }

  public static Predicate isNotNull(String column) {
    return new Predicate.IsNotNull(Column.parse(column));
  }

  /** {@code column IN (values...)}; at least one value. */
  public static Predicate in(String column, Object... values) {
    return in(Column.parse(column), asList(values));
  }

  public static Predicate in(Column column, List<?> values) {
    List<Literal> literals = new ArrayList<>(values.size());
    for (Object value : values) {
      literals.add(Literal.of(value));
    }
    return new Predicate.In(column, literals);
  }

  private static List<?> asList(Object[] values) {
    List<Object> list = new ArrayList<>(values.length);
    for (Object value : values) {
      list.add(value); // List.of would refuse null, which is a valid IN value
    }
    return list;
  }

  private static Predicate fold(Predicate[] predicates, boolean and) {
    if (predicates.length == 0) {
      return new Predicate.Constant(and);
    }
    Predicate result = predicates[0];
    for (int i = 1; i < predicates.length; i++) {
      result = and ? new Predicate.And(result, predicates[i]) : new Predicate.Or(result, predicates[i]);
    }
    return Objects.requireNonNull(result, "predicate");
  }
}
