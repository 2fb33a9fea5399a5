package io.delta4j.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.types.ArrayType;
import io.delta4j.types.DataType;
import io.delta4j.types.MapType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value, with Jackson's streaming parser, straight into the Java type a column of
 * the table needs: no tree is built. Scalars go through {@link TextValues} (a JSON string or number
 * is read like a CSV field, so {@code "2024-05-01"} is a date and {@code "12.50"} a decimal);
 * objects become {@code Map}s for struct columns, arrays {@code List}s, and map columns take an
 * object ({@code {"k": v}}, keys read as the key type) or the array of {@code {"key": k, "value":
 * v}} that {@code cat} writes for non-string keys.
 */
final class TypedJson {
  private TypedJson() {}

  /**
   * The fields of the object the parser is on (its {@code START_OBJECT}), by the schema's field
   * names; absent fields are absent. Leaves the parser on the object's {@code END_OBJECT}.
   */
  static Map<String, Object> struct(JsonParser p, StructType type, String prefix) throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      StructField field = type.field(name).or(() -> type.fieldIgnoreCase(name))
          .orElseThrow(() -> InputErrors.unknownColumn(prefix + name, type.fieldNames()));
      p.nextToken();
      values.put(field.name(), value(p, field.type(), prefix + field.name()));
    }
    return values;
  }

  /** The value the parser is on, as {@code type} needs; leaves the parser on the value's last token. */
  static Object value(JsonParser p, DataType type, String column) throws IOException {
    JsonToken token = p.currentToken();
    return switch (token) {
      case VALUE_NULL -> null;
      case START_OBJECT -> object(p, type, column);
      case START_ARRAY -> array(p, type, column);
      case VALUE_STRING -> scalar(p.getText(), type, column, InputErrors.quote(p.getText()));
      default -> scalar(p.getText(), type, column, p.getText()); // numbers, true, false
    };
  }

  private static Object scalar(String text, DataType type, String column, String shown) {
    if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
      throw InputErrors.expected(column, kind(type), shown);
    }
    return TextValues.parse(text, type, column, shown);
  }

  private static Object object(JsonParser p, DataType type, String column) throws IOException {
    if (type instanceof StructType struct) {
      return struct(p, struct, column + ".");
    }
    if (type instanceof MapType map) {
      Map<Object, Object> values = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        Object k = scalar(key, map.keyType(), column + ".key", InputErrors.quote(key));
        p.nextToken();
        values.put(k, value(p, map.valueType(), column + ".value"));
      }
      return values;
    }
    throw InputErrors.expected(column, kind(type), "an object");
  }

  private static Object array(JsonParser p, DataType type, String column) throws IOException {
    if (type instanceof ArrayType array) {
      List<Object> values = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        values.add(value(p, array.elementType(), column + "[]"));
      }
      return values;
    }
    if (type instanceof MapType map) {
      return entries(p, map, column);
    }
    throw InputErrors.expected(column, kind(type), "an array");
  }

  /** A map written as {@code [{"key": k, "value": v}, ...]}. */
  private static Map<Object, Object> entries(JsonParser p, MapType map, String column) throws IOException {
    Map<Object, Object> values = new LinkedHashMap<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw InputErrors.expected(column, "an array of {\"key\": k, \"value\": v} objects", p.getText());
      }
      Object key = null;
      Object value = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "key" -> key = value(p, map.keyType(), column + ".key");
          case "value" -> value = value(p, map.valueType(), column + ".value");
          default -> throw InputErrors.expected(column, "map entries with only \"key\" and \"value\"",
              InputErrors.quote(name));
        }
      }
      if (key == null) {
        throw new RowInputException("column \"" + column + "\": a map entry has no key (keys cannot be null)");
      }
      values.put(key, value);
    }
    return values;
  }

  private static String kind(DataType type) {
    if (type instanceof StructType) {
      return "an object (the column is a struct)";
    }
    if (type instanceof ArrayType) {
      return "an array";
    }
    if (type instanceof MapType) {
      return "an object (the column is a map)";
    }
    return "a " + type.simpleString() + " value";
  }
}
