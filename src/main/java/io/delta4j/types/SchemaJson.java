package io.delta4j.types;

import io.delta4j.util.Json;
import java.util.Objects;

/**
 * The table schema as the {@code schemaString} of a {@code metaData} action holds it (PROTOCOL.md,
 * "Schema Serialization Format"). {@code toJson(parse(s))} gives back {@code s} for every schema
 * Spark writes, so a writer that rewrites the metadata does not churn the schema.
 *
 * <p>Errors are {@link IllegalArgumentException}s that quote the offending type or value and name
 * the field by its dotted path; callers add the table, e.g. through {@code DeltaErrors}.
 */
public final class SchemaJson {
  private SchemaJson() {}

  /** Parses a table schema, which must be a struct. */
  public static StructType parse(String json) {
    Objects.requireNonNull(json, "json");
    DataType type = SchemaParser.parse(json);
    if (type instanceof StructType struct) {
      return struct;
    }
    throw SchemaErrors.invalid("the top-level type must be a struct, was \"" + type.simpleString() + "\"");
  }

  /**
   * Parses any type in its JSON form: a quoted name such as {@code "\"decimal(10,2)\""} or a
   * struct, array or map object.
   */
  public static DataType parseDataType(String json) {
    Objects.requireNonNull(json, "json");
    return SchemaParser.parse(json);
  }

  /** The compact JSON Spark writes for {@code type}; for a {@link StructType}, a {@code schemaString}. */
  public static String toJson(DataType type) {
    return Json.toJson(gen -> SchemaWriter.write(gen, type));
  }
}
