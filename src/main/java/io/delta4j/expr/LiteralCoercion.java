package io.delta4j.expr;

import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PartitionValues;
import io.delta4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Converts a literal to the Java value a column of a given type is compared with (see {@link
 * Predicate#bind} for the rules users see). The value is chosen so that evaluation can compare it
 * directly with the column's row values and statistics:
 *
 * <ul>
 *   <li>integral columns: a long when the literal is a whole number in range; otherwise the exact
 *       decimal value (so {@code id > 2.5} keeps 3 and drops 2), or NaN or an infinity as a double;
 *   <li>float and double columns: the float or double nearest the literal as written, as Spark
 *       does (so {@code f = 1.1} matches the float 1.1, which as a double is 1.100000023841858);
 *   <li>decimal columns: the literal as written, exactly ({@code 1.1}, also for the double 1.1);
 *   <li>dates and times: strings in the forms of partition values, dates as midnight.
 * </ul>
 */
final class LiteralCoercion {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private LiteralCoercion() {}

  static Object coerce(BoundColumn column, Literal literal) {
    Object value = literal.rawValue();
    DataType type = column.type();
    if (value == null || type == PrimitiveType.VOID) {
      return value; // NULL goes with every type; a void column is null on every row
    }
    if (type instanceof DecimalType) {
      if (value instanceof Number n) {
        return isNaNOrInfinite(n) ? n.doubleValue() : decimalText(n);
      }
      throw cannotCoerce(column, literal, "a number");
    }
    if (!(type instanceof PrimitiveType primitive)) {
      throw ExprErrors.notComparable(column);
    }
    switch (primitive) {
      case BYTE:
      case SHORT:
      case INTEGER:
      case LONG:
        if (value instanceof Number n) {
          return integral(n);
        }
        throw cannotCoerce(column, literal, "a number");
      case FLOAT:
        if (value instanceof Number n) {
          return n instanceof Float ? n : (Object) Float.parseFloat(numberText(n));
        }
        throw cannotCoerce(column, literal, "a number");
      case DOUBLE:
        if (value instanceof Number n) {
          return n instanceof Double ? n : (Object) Double.parseDouble(numberText(n));
        }
        throw cannotCoerce(column, literal, "a number");
      case STRING:
        if (value instanceof String) {
          return value;
        }
        throw cannotCoerce(column, literal, "a string");
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        throw cannotCoerce(column, literal, "true or false");
      case BINARY:
        if (value instanceof byte[]) {
          return value;
        }
        if (value instanceof String s) {
          return s.getBytes(StandardCharsets.UTF_8);
        }
        throw cannotCoerce(column, literal, "binary, or a string (its UTF-8 bytes)");
      case DATE:
        if (value instanceof LocalDate) {
          return value;
        }
        if (value instanceof String s) {
          return parse(s, PrimitiveType.DATE, column, literal, "a date such as '2024-05-01'");
        }
        throw cannotCoerce(column, literal, "a date, or a string such as '2024-05-01'");
      case TIMESTAMP:
        return timestamp(column, literal, value);
      case TIMESTAMP_NTZ:
        return timestampNtz(column, literal, value);
      default:
        throw ExprErrors.notComparable(column); // variant
    }
  }

  private static Object timestamp(BoundColumn column, Literal literal, Object value) {
    String expected = "an Instant, a date, or a string such as '2024-05-01 10:00:00' (UTC) or '2024-05-01T10:00:00+02:00'";
    if (value instanceof Instant) {
      return value;
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof String s) {
      if (s.length() == 10) {
        LocalDate date = (LocalDate) parse(s, PrimitiveType.DATE, column, literal, expected);
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return parse(s, PrimitiveType.TIMESTAMP, column, literal, expected);
    }
    throw cannotCoerce(column, literal, expected);
  }

  private static Object timestampNtz(BoundColumn column, Literal literal, Object value) {
    String expected = "a LocalDateTime, a date, or a string such as '2024-05-01 10:00:00'";
    if (value instanceof LocalDateTime) {
      return value;
    }
    if (value instanceof LocalDate d) {
      return d.atTime(LocalTime.MIDNIGHT);
    }
    if (value instanceof String s) {
      if (s.length() == 10) {
        return ((LocalDate) parse(s, PrimitiveType.DATE, column, literal, expected)).atTime(LocalTime.MIDNIGHT);
      }
      return parse(s, PrimitiveType.TIMESTAMP_NTZ, column, literal, expected);
    }
    throw cannotCoerce(column, literal, expected);
  }

  /** Reuses the partition value forms, which are exactly what a user writes in a filter too. */
  private static Object parse(String s, PrimitiveType type, BoundColumn column, Literal literal, String expected) {
    if (s.isEmpty()) {
      throw cannotCoerce(column, literal, expected); // PartitionValues reads "" as null
    }
    try {
      return PartitionValues.parse(s, type);
    } catch (IllegalArgumentException e) {
      throw cannotCoerce(column, literal, expected);
    }
  }

  private static Object integral(Number n) {
    if (ValueOrder.isIntegral(n)) {
      return n.longValue();
    }
    if (isNaNOrInfinite(n)) {
      return n.doubleValue();
    }
    BigDecimal exact = decimalText(n);
    boolean whole = exact.stripTrailingZeros().scale() <= 0;
    if (whole && exact.compareTo(LONG_MIN) >= 0 && exact.compareTo(LONG_MAX) <= 0) {
      return exact.longValueExact();
    }
    return exact;
  }

  /** The number as written: the shortest decimal text of a float or double, so that 1.1 means 1.1. */
  private static BigDecimal decimalText(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    return ValueOrder.isIntegral(n) ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(numberText(n));
  }

  private static String numberText(Number n) {
    return n instanceof BigDecimal d ? d.toString() : n.toString();
  }

  private static boolean isNaNOrInfinite(Number n) {
    return ValueOrder.isFloating(n) && !Double.isFinite(n.doubleValue());
  }

  private static IllegalArgumentException cannotCoerce(BoundColumn column, Literal literal, String expected) {
    return ExprErrors.cannotCoerce(column, literal, expected);
  }
}
