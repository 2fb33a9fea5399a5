package io.delta4j.cli;

import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Scalar values from text (CSV fields, JSON strings and numbers) as the Java types {@code Row}
 * lists for the column's type. The forms accepted include those {@code cat} writes, so its output
 * reads back: timestamps {@code 2024-05-01T10:00:00.000000Z} (any offset) or {@code 2024-05-01
 * 10:00:00[.ffffff]} (UTC), dates {@code 2024-05-01}, binary as base64, {@code NaN} and
 * {@code Infinity} for floats. Nothing is rounded: a value a column cannot hold exactly is refused.
 */
final class TextValues {
  /** A decimal number as JSON and SQL write it: Java's parsers would also take {@code 1d} or {@code 0x1p3}. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final String TIMESTAMP = "a timestamp such as 2024-05-01T10:00:00Z or 2024-05-01 10:00:00";
  private static final String TIMESTAMP_NTZ = "a timestamp without a zone such as 2024-05-01 10:00:00";

  private TextValues() {}

  /**
   * {@code text} as a value of {@code type}, a primitive or decimal type.
   *
   * @param shown the value as messages show it: quoted for strings, bare for JSON numbers
   * @throws RowInputException naming {@code column} when the text is not such a value
   */
  static Object parse(String text, DataType type, String column, String shown) {
    if (type instanceof DecimalType decimal) {
      return decimal(text.strip(), decimal, column, shown);
    }
    PrimitiveType primitive = (PrimitiveType) type;
    String t = primitive == PrimitiveType.STRING ? text : text.strip();
    return switch (primitive) {
      case STRING -> text;
      case BOOLEAN -> bool(t, column, shown);
      case BYTE -> (byte) integral(t, primitive, Byte.MIN_VALUE, Byte.MAX_VALUE, column, shown);
      case SHORT -> (short) integral(t, primitive, Short.MIN_VALUE, Short.MAX_VALUE, column, shown);
      case INTEGER -> (int) integral(t, primitive, Integer.MIN_VALUE, Integer.MAX_VALUE, column, shown);
      case LONG -> integral(t, primitive, Long.MIN_VALUE, Long.MAX_VALUE, column, shown);
      case FLOAT -> (float) floating(t, primitive, column, shown);
      case DOUBLE -> floating(t, primitive, column, shown);
      case BINARY -> binary(t, column, shown);
      case DATE -> date(t, column, shown);
      case TIMESTAMP -> timestamp(t, column, shown);
      case TIMESTAMP_NTZ -> timestampNtz(t, column, shown);
      case VARIANT -> throw InputErrors.notWritable(column, type);
      case VOID -> throw InputErrors.expected(column, "null (the column is void)", shown);
    };
  }

  private static Boolean bool(String t, String column, String shown) {
    if (t.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (t.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw InputErrors.expected(column, "true or false", shown);
  }

  private static long integral(String t, PrimitiveType type, long min, long max, String column, String shown) {
    long n;
    try {
      n = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
    } catch (NumberFormatException e) {
      if (t.matches("[+-]?\\d+")) {
        throw InputErrors.doesNotFit(column, type, shown, "is out of range");
      }
      throw InputErrors.expected(column, "an integer", shown);
    }
    if (n < min || n > max) {
      throw InputErrors.doesNotFit(column, type, shown, "is out of range [" + min + ", " + max + "]");
    }
    return n;
  }

  /** The nearest float or double (the text is decimal, the type binary); never an overflow to infinity. */
  private static double floating(String t, PrimitiveType type, String column, String shown) {
    if (t.equals("NaN") || t.matches("[+-]?Infinity")) {
      return Double.parseDouble(t);
    }
    if (!NUMBER.matcher(t).matches()) {
      throw InputErrors.expected(column, "a number", shown);
    }
    double d = type == PrimitiveType.FLOAT ? Float.parseFloat(t) : Double.parseDouble(t);
    if (Double.isInfinite(d)) {
      throw InputErrors.doesNotFit(column, type, shown, "is out of range");
    }
    return d;
  }

  private static BigDecimal decimal(String t, DecimalType type, String column, String shown) {
    if (!NUMBER.matcher(t).matches()) {
      throw InputErrors.expected(column, "a number", shown);
    }
    BigDecimal scaled;
    try {
      scaled = new BigDecimal(t).setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw InputErrors.doesNotFit(column, type, shown, "has more than " + type.scale() + " digits after the point");
    }
    if (scaled.precision() > type.precision()) {
      throw InputErrors.doesNotFit(column, type, shown, "has more than " + type.precision() + " digits");
    }
    return scaled;
  }

  private static byte[] binary(String t, String column, String shown) {
    try {
      return Base64.getDecoder().decode(t);
    } catch (IllegalArgumentException e) {
      throw InputErrors.expected(column, "base64", shown);
    }
  }

  private static LocalDate date(String t, String column, String shown) {
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw InputErrors.expected(column, "a date such as 2024-05-01", shown);
    }
  }

  private static Instant timestamp(String t, String column, String shown) {
    String iso = isoSeparator(t);
    Instant instant;
    try {
      instant = OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        instant = LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw InputErrors.expected(column, TIMESTAMP, shown);
      }
    }
    return micros(instant, instant.getNano(), column, shown);
  }

  private static LocalDateTime timestampNtz(String t, String column, String shown) {
    try {
      LocalDateTime local = LocalDateTime.parse(isoSeparator(t));
      return micros(local, local.getNano(), column, shown);
    } catch (DateTimeParseException e) {
      throw InputErrors.expected(column, TIMESTAMP_NTZ, shown);
    }
  }

  /** Delta stores microseconds; a finer value would be truncated, so it is refused. */
  private static <T> T micros(T value, int nanos, String column, String shown) {
    if (nanos % 1000 != 0) {
      throw new RowInputException("column \"" + column + "\": " + shown + " has more than 6 fractional digits");
    }
    return value;
  }

  /** {@code 2024-05-01 10:00:00} (SQL's form) as ISO's {@code 2024-05-01T10:00:00}. */
  private static String isoSeparator(String t) {
    return t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
  }
}
