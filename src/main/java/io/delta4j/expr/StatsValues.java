package io.delta4j.expr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads one min or max statistic as the Java value of its column's type, or null when it is not
 * of the form writers use: dates {@code yyyy-MM-dd}; timestamps ISO-8601 with an offset, as Delta
 * writes them ({@code 2000-01-01T00:00:00.000-08:00}; without an offset, UTC); timestamp_ntz
 * without one (a trailing {@code Z} is ignored); NaN and infinities as strings, as Spark writes
 * them. A float is read as a float, so that {@code 0.1} is the float value the writer printed, not
 * the double nearest 0.1. Binary, variant and nested types have no usable min/max.
 */
final class StatsValues {
  private StatsValues() {}

  static Object read(JsonParser p, DataType type) throws IOException {
    JsonToken token = p.currentToken();
    if (type instanceof DecimalType) {
      if (token.isNumeric()) {
        return p.getDecimalValue();
      }
      return token == JsonToken.VALUE_STRING ? parseDecimal(p.getText()) : null;
    }
    if (!(type instanceof PrimitiveType primitive)) {
      return null;
    }
    switch (primitive) {
      case BYTE:
      case SHORT:
      case INTEGER:
      case LONG:
        if (token == JsonToken.VALUE_NUMBER_INT) {
          return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getDecimalValue() : p.getLongValue();
        }
        return token == JsonToken.VALUE_NUMBER_FLOAT ? p.getDecimalValue() : null;
      case FLOAT:
        return token.isNumeric() || isSpecialFloat(p, token) ? (Object) Float.parseFloat(p.getText()) : null;
      case DOUBLE:
        return token.isNumeric() || isSpecialFloat(p, token) ? (Object) Double.parseDouble(p.getText()) : null;
      case BOOLEAN:
        return token.isBoolean() ? p.getBooleanValue() : null;
      case STRING:
        return token == JsonToken.VALUE_STRING ? p.getText() : null;
      case DATE:
        return token == JsonToken.VALUE_STRING ? date(p.getText()) : null;
      case TIMESTAMP:
        return token == JsonToken.VALUE_STRING ? timestamp(p.getText()) : null;
      case TIMESTAMP_NTZ:
        // Writers give no zone, but statistics rendered from a checkpoint's stats_parsed (its
        // Parquet timestamps carry no Delta type) end in Z; the wall-clock value is the same.
        return token == JsonToken.VALUE_STRING ? timestampNtz(withoutZ(p.getText())) : null;
      default:
        return null;
    }
  }

  private static boolean isSpecialFloat(JsonParser p, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      return false;
    }
    String text = p.getText();
    return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
  }

  private static Object parseDecimal(String text) {
    try {
      return new java.math.BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Instant timestamp(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      LocalDateTime local = timestampNtz(text);
      return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }
  }

  private static String withoutZ(String text) {
    return text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
  }

  static LocalDateTime timestampNtz(String text) {
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
