package io.delta4j.expr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * The order predicates compare values in, the same as Spark SQL's: numbers by mathematical value
 * whatever their classes; for float and double, NaN equals NaN and is above every other number, and
 * -0.0 equals 0.0; strings by code point (the order of their UTF-8 bytes, not Java's UTF-16 {@code
 * compareTo}); binary as unsigned bytes; false before true; dates and times chronologically.
 */
final class ValueOrder {
  private ValueOrder() {}

  /**
   * The sign of {@code a - b}; both non-null and of comparable kinds (binding ensures it).
   *
   * @throws IllegalStateException for values that do not compare, which binding rules out
   */
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return compareNumbers(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return x.compareTo(y);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
      return x.compareTo(y);
    }
    throw new IllegalStateException(
        "Cannot compare " + a + " (" + a.getClass().getName() + ") with " + b + " (" + b.getClass().getName() + ").");
  }

  static int compareNumbers(Number a, Number b) {
    if (isIntegral(a) && isIntegral(b)) {
      return Long.compare(a.longValue(), b.longValue());
    }
    boolean floatA = isFloating(a);
    boolean floatB = isFloating(b);
    if (floatA || floatB) {
      double x = a.doubleValue(); // exact for Float and Double; only used below when floating
      double y = b.doubleValue();
      boolean nanA = floatA && Double.isNaN(x);
      boolean nanB = floatB && Double.isNaN(y);
      if (nanA || nanB) {
        return Boolean.compare(nanA, nanB);
      }
      if (floatA && floatB) {
        return x < y ? -1 : x > y ? 1 : 0; // not Double.compare, which orders -0.0 before 0.0
      }
      if (floatA && Double.isInfinite(x)) {
        return x > 0 ? 1 : -1;
      }
      if (floatB && Double.isInfinite(y)) {
        return y > 0 ? -1 : 1;
      }
    }
    return toBigDecimal(a).compareTo(toBigDecimal(b));
  }

  /** Whether the value is NaN (only a float or double can be). */
  static boolean isNaN(Object value) {
    return (value instanceof Double d && d.isNaN()) || (value instanceof Float f && f.isNaN());
  }

  static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  static boolean isFloating(Number n) {
    return n instanceof Double || n instanceof Float;
  }

  /** The exact value of a finite number. */
  static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (isIntegral(n)) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(n.doubleValue());
  }

  /**
   * Compares in code point order. UTF-16 order differs from it only where a surrogate (part of a
   * character above U+FFFF) meets a character in U+E000..U+FFFF: moving those two ranges past each
   * other at the first differing position fixes the order without decoding.
   */
  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return Integer.compare(codePointRank(x), codePointRank(y));
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private static int codePointRank(char c) {
    if (c >= 0xE000) {
      return c - 0x800;
    }
    if (c >= 0xD800) {
      return c + 0x2000;
    }
    return c;
  }
}
