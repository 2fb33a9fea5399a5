package io.delta4j.types;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.delta4j.util.Json;
import io.delta4j.util.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streams the schema JSON into a {@link DataType} (PROTOCOL.md, "Schema Serialization Format"),
 * one token at a time with no tree model. Object keys may come in any order; unknown keys are
 * skipped, as Delta Kernel and delta-rs do, so a writer's harmless extra key does not make a table
 * unreadable. Like Spark, a field without {@code nullable} is nullable and one without
 * {@code metadata} has none.
 */
final class SchemaParser {
  private final JsonParser parser;

  private SchemaParser(JsonParser parser) {
    this.parser = parser;
  }

  static DataType parse(String json) {
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      if (parser.nextToken() == null) {
        throw SchemaErrors.invalid("the JSON is empty");
      }
      DataType type = new SchemaParser(parser).dataType("");
      if (parser.nextToken() != null) {
        long offset = parser.currentTokenLocation().getCharOffset();
        throw SchemaErrors.invalid("unexpected content after the schema at offset " + offset);
      }
      return type;
    } catch (JsonProcessingException e) {
      long offset = e.getLocation().getCharOffset();
      throw SchemaErrors.invalid("not valid JSON: " + e.getOriginalMessage() + " at offset " + offset, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does not fail otherwise
    }
  }

  /** The type at the current token: a name string or a struct, array or map object. */
  private DataType dataType(String path) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return TypeNames.parse(parser.getText(), path);
    }
    if (token == JsonToken.START_OBJECT) {
      return complexType(path);
    }
    throw SchemaErrors.invalid(path, "has a type that is neither a name nor an object: " + parser.getText());
  }

  private DataType complexType(String path) throws IOException {
    String type = null;
    List<StructField> fields = null;
    DataType elementType = null;
    DataType keyType = null;
    DataType valueType = null;
    Boolean containsNull = null;
    Boolean valueContainsNull = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      switch (key) {
        case "type" -> type = string(path, key);
        case "fields" -> fields = fields(path);
        case "elementType" -> elementType = dataType(SchemaErrors.child(path, "element"));
        case "containsNull" -> containsNull = bool(path, key);
        case "keyType" -> keyType = dataType(SchemaErrors.child(path, "key"));
        case "valueType" -> valueType = dataType(SchemaErrors.child(path, "value"));
        case "valueContainsNull" -> valueContainsNull = bool(path, key);
        default -> parser.skipChildren();
      }
    }
    if (type == null) {
      throw SchemaErrors.invalid(path, "has a type object without \"type\"");
    }
    switch (type) {
      case "struct":
        return struct(path, require(path, "fields", fields));
      case "array":
        return new ArrayType(
            require(path, "elementType", elementType), require(path, "containsNull", containsNull));
      case "map":
        return new MapType(
            require(path, "keyType", keyType),
            require(path, "valueType", valueType),
            require(path, "valueContainsNull", valueContainsNull));
      default:
        throw SchemaErrors.invalid(
            path,
            "has unknown data type \"" + type + "\" (expected \"struct\", \"array\" or \"map\" in a type object)");
    }
  }

  private static StructType struct(String path, List<StructField> fields) {
    try {
      return new StructType(fields);
    } catch (IllegalArgumentException duplicate) {
      String where = path.isEmpty() ? "" : "in struct \"" + path + "\": ";
      throw SchemaErrors.invalid(where + duplicate.getMessage().replaceFirst("\\.$", ""));
    }
  }

  private List<StructField> fields(String path) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw SchemaErrors.invalid(path, "has \"fields\" that is not an array");
    }
    List<StructField> fields = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      fields.add(field(path, fields.size()));
    }
    return fields;
  }

  private StructField field(String structPath, int index) throws IOException {
    // Until "name" is read (Spark writes it first), errors name the field by its position.
    String path = SchemaErrors.child(structPath, "[" + index + "]");
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw SchemaErrors.invalid(path, "is not a JSON object");
    }
    String name = null;
    DataType type = null;
    boolean nullable = true;
    Map<String, Object> metadata = Map.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      switch (key) {
        case "name" -> {
          name = string(path, key);
          path = SchemaErrors.child(structPath, name);
        }
        case "type" -> type = dataType(path);
        case "nullable" -> nullable = bool(path, key);
        case "metadata" -> metadata = metadata(path);
        default -> parser.skipChildren();
      }
    }
    return new StructField(require(path, "name", name), require(path, "type", type), nullable, metadata);
  }

  @SuppressWarnings("unchecked") // JsonValues.read returns a Map<String, Object> for an object
  private Map<String, Object> metadata(String path) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw SchemaErrors.invalid(path, "has \"metadata\" that is not a JSON object");
    }
    return (Map<String, Object>) JsonValues.read(parser);
  }

  private String string(String path, String key) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw SchemaErrors.invalid(path, "has \"" + key + "\" that is not a string: " + parser.getText());
    }
    return parser.getText();
  }

  private boolean bool(String path, String key) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw SchemaErrors.invalid(path, "has \"" + key + "\" that is not a boolean: " + parser.getText());
    }
    return token == JsonToken.VALUE_TRUE;
  }

  private static <T> T require(String path, String key, T value) {
    if (value == null) {
      throw SchemaErrors.invalid(path, "has no \"" + key + "\"");
    }
    return value;
  }
}
