package io.delta4j.expr;

import io.delta4j.expr.PredicateLexer.Token;
import io.delta4j.types.PartitionValues;
import io.delta4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The literals of the predicate syntax whose text needs converting: numbers, binary, dates and times. */
final class TypedLiterals {
  private static final Pattern NUMBER =
      Pattern.compile("-?(?<digits>\\d+\\.?\\d*|\\.\\d+)(?<exponent>[eE][+-]?\\d+)?(?<suffix>[A-Za-z]*)");

  private TypedLiterals() {}

  static boolean isPrefix(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    return upper.equals("DATE") || upper.equals("TIMESTAMP") || upper.equals("TIMESTAMP_NTZ");
  }

  /**
   * A number: without suffix a long if it is whole (a decimal if it is too large for a long), a
   * decimal with a point, a double with an exponent; with a suffix, the type it names (L long, S
   * short, Y byte, BD decimal, D double, F float, as in Spark SQL).
   */
  static Literal number(Token token, String sign, String text) {
    String written = sign + token.text();
    Matcher m = NUMBER.matcher(written);
    if (!m.matches()) {
      throw invalid("number", token, text, "");
    }
    String number = written.substring(0, written.length() - m.group("suffix").length());
    boolean whole = m.group("exponent") == null && !m.group("digits").contains(".");
    try {
      switch (m.group("suffix").toUpperCase(Locale.ROOT)) {
        case "":
          if (!whole) {
            return m.group("exponent") != null
                ? Literal.ofDouble(Double.parseDouble(number))
                : Literal.ofDecimal(new BigDecimal(number));
          }
          BigDecimal value = new BigDecimal(number);
          return value.toBigInteger().bitLength() < 64 ? Literal.ofLong(value.longValueExact()) : Literal.ofDecimal(value);
        case "L":
          if (whole) {
            return Literal.ofLong(Long.parseLong(number));
          }
          break;
        case "S":
          if (whole) {
            return Literal.ofShort(Short.parseShort(number));
          }
          break;
        case "Y":
          if (whole) {
            return Literal.ofByte(Byte.parseByte(number));
          }
          break;
        case "BD":
          return Literal.ofDecimal(new BigDecimal(number));
        case "D":
          return Literal.ofDouble(Double.parseDouble(number));
        case "F":
          return Literal.ofFloat(Float.parseFloat(number));
        default:
          break;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid("number", token, text, ": it is out of range for its type");
    }
    throw invalid("number", token, text, ": the suffix must be L, S, Y, BD, D or F, and L, S and Y need a whole number");
  }

  /** {@code X'0A1B'}: an even number of hex digits. */
  static Literal hex(Token token, String text) {
    try {
      return Literal.ofBinary(HexFormat.of().parseHex(token.text()));
    } catch (IllegalArgumentException e) {
      throw invalid("binary literal", token, text, ": expected an even number of hex digits");
    }
  }

  /** {@code DATE '...'}, {@code TIMESTAMP '...'} (UTC unless it has an offset) or {@code TIMESTAMP_NTZ '...'}. */
  static Literal typed(Token prefix, Token string, String text) {
    String value = string.text();
    String kind = prefix.text().toUpperCase(Locale.ROOT);
    try {
      switch (kind) {
        case "DATE":
          return Literal.ofDate(LocalDate.parse(value));
        case "TIMESTAMP":
          return Literal.ofTimestamp(value.length() == 10
              ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
              : (Instant) PartitionValues.parse(nonEmpty(value), PrimitiveType.TIMESTAMP));
        default:
          return Literal.ofTimestampNtz(value.length() == 10
              ? LocalDate.parse(value).atTime(LocalTime.MIDNIGHT)
              : (LocalDateTime) PartitionValues.parse(nonEmpty(value), PrimitiveType.TIMESTAMP_NTZ));
      }
    } catch (RuntimeException e) { // DateTimeParseException, or PartitionValues' IllegalArgumentException
      String form = kind.equals("DATE") ? "yyyy-MM-dd"
          : kind.equals("TIMESTAMP") ? "yyyy-MM-dd[ HH:mm:ss[.ffffff]], read as UTC, or ISO-8601 with an offset"
          : "yyyy-MM-dd[ HH:mm:ss[.ffffff]]";
      throw PredicateParser.error(
          "Invalid " + kind + " literal '" + value + "' at position " + (prefix.position() + 1) + ": expected " + form, text);
    }
  }

  private static String nonEmpty(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    return value;
  }

  private static IllegalArgumentException invalid(String what, Token token, String text, String why) {
    return PredicateParser.error("Invalid " + what + " '" + token.source() + "' at position " + (token.position() + 1) + why, text);
  }
}
