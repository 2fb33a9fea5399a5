package io.delta4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta4j.Row;
import io.delta4j.VariantValue;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import io.delta4j.util.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * How {@code cat} writes values, by Delta type. The JSON form ({@link #writeJson}) is the
 * {@code jsonl} contract; the text form ({@link #text}) is the same value without JSON quoting,
 * used by {@code csv} and {@code table}: scalars as below, nested values as their compact JSON.
 *
 * <ul>
 *   <li>timestamp: {@code 2021-09-08T11:11:11.000000Z} (UTC, always six fractional digits);
 *       timestamp_ntz: {@code 2021-11-18T02:30:00.123456} (no zone); date: {@code 2024-05-01}
 *   <li>decimal: an exact JSON number, plain (no exponent) and with its scale ({@code 0.00})
 *   <li>float, double: JSON numbers (Java's shortest round-trip form, so {@code 1.0E10} may appear);
 *       NaN and the infinities as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}
 *   <li>binary: standard base64 with padding; variant: {@code {"metadata": base64, "value": base64}}
 *   <li>struct: an object; array: an array; map: an object when the key type is string, otherwise an
 *       array of {@code {"key": k, "value": v}} in the file's order (keeps non-string keys typed)
 * </ul>
 */
final class CellValues {
  private static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
      .toFormatter();

  private CellValues() {}

  /** Writes {@code value} (of {@code type}, or null) as one JSON value. */
  static void writeJson(JsonGenerator gen, DataType type, Object value) throws IOException {
    if (value == null) {
      gen.writeNull();
    } else if (type instanceof StructType struct) {
      writeStruct(gen, struct, (Row) value);
    } else if (type instanceof ArrayType array) {
      gen.writeStartArray();
      for (Object element : (List<?>) value) {
        writeJson(gen, array.elementType(), element);
      }
      gen.writeEndArray();
    } else if (type instanceof MapType map) {
      writeMap(gen, map, (Map<?, ?>) value);
    } else if (type instanceof DecimalType) {
      gen.writeNumber(((BigDecimal) value).toPlainString());
    } else {
      writePrimitive(gen, (PrimitiveType) type, value);
    }
  }

  /** A row as a JSON object, keys in schema order. */
  static void writeStruct(JsonGenerator gen, StructType type, Row row) throws IOException {
    gen.writeStartObject();
    List<StructField> fields = type.fields();
    for (int i = 0; i < fields.size(); i++) {
      gen.writeFieldName(fields.get(i).name());
      writeJson(gen, fields.get(i).type(), row.get(i));
    }
    gen.writeEndObject();
  }

  /** The text of a value for csv and table cells; null for a null value. */
  static String text(DataType type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof DecimalType) {
      return ((BigDecimal) value).toPlainString();
    }
    if (type instanceof PrimitiveType p && p != PrimitiveType.VARIANT) {
      return switch (p) {
        case BINARY -> Base64.getEncoder().encodeToString((byte[]) value);
        case DATE -> value.toString(); // LocalDate prints yyyy-MM-dd
        case TIMESTAMP -> timestamp((Instant) value);
        case TIMESTAMP_NTZ -> MICROS.format((LocalDateTime) value);
        default -> value.toString(); // booleans, integers, strings; Float/Double print NaN, Infinity as wanted
      };
    }
    return Json.toJson(gen -> writeJson(gen, type, value));
  }

  static String timestamp(Instant instant) {
    return MICROS.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z";
  }

  private static void writePrimitive(JsonGenerator gen, PrimitiveType type, Object value) throws IOException {
    switch (type) {
      case BOOLEAN -> gen.writeBoolean((Boolean) value);
      case BYTE, SHORT, INTEGER -> gen.writeNumber(((Number) value).intValue());
      case LONG -> gen.writeNumber((Long) value);
      case FLOAT -> {
        float f = (Float) value;
        if (Float.isFinite(f)) {
          gen.writeNumber(f);
        } else {
          gen.writeString(Float.toString(f));
        }
      }
      case DOUBLE -> {
        double d = (Double) value;
        if (Double.isFinite(d)) {
          gen.writeNumber(d);
        } else {
          gen.writeString(Double.toString(d));
        }
      }
      case VARIANT -> {
        VariantValue v = (VariantValue) value;
        gen.writeStartObject();
        gen.writeStringField("metadata", Base64.getEncoder().encodeToString(v.metadata()));
        gen.writeStringField("value", Base64.getEncoder().encodeToString(v.value()));
        gen.writeEndObject();
      }
      case VOID -> gen.writeNull();
      default -> gen.writeString(text(type, value)); // string, binary, date, timestamps
    }
  }

  private static void writeMap(JsonGenerator gen, MapType type, Map<?, ?> map) throws IOException {
    if (type.keyType() == PrimitiveType.STRING) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        gen.writeFieldName((String) e.getKey());
        writeJson(gen, type.valueType(), e.getValue());
      }
      gen.writeEndObject();
      return;
    }
    gen.writeStartArray();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      gen.writeStartObject();
      gen.writeFieldName("key");
      writeJson(gen, type.keyType(), e.getKey());
      gen.writeFieldName("value");
      writeJson(gen, type.valueType(), e.getValue());
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }
}
