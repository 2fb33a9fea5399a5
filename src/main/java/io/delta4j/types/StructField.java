package io.delta4j.types;

import io.delta4j.util.Json;
import io.delta4j.util.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A top-level or nested column (PROTOCOL.md, "Struct Field").
 *
 * @param name the logical (display) name
 * @param type the column's type
 * @param nullable whether the column may be null
 * @param metadata the column metadata: JSON values as {@link io.delta4j.util.JsonValues} reads
 *     them, in their original order, unknown keys included (PROTOCOL.md, "Column Metadata")
 */
public record StructField(String name, DataType type, boolean nullable, Map<String, Object> metadata) {
  /** Metadata key of the column-mapping id (PROTOCOL.md, "Column Mapping"). */
  public static final String COLUMN_MAPPING_ID_KEY = "delta.columnMapping.id";

  /** Metadata key of the column-mapping physical name (PROTOCOL.md, "Column Mapping"). */
  public static final String COLUMN_MAPPING_PHYSICAL_NAME_KEY = "delta.columnMapping.physicalName";

  public StructField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    metadata = FieldMetadata.copyOf(Objects.requireNonNull(metadata, "metadata"));
  }

  /** A field without metadata. */
  public StructField(String name, DataType type, boolean nullable) {
    this(name, type, nullable, Map.of());
  }

  /**
   * The name of this column in data files, stats and partition values: the
   * {@code delta.columnMapping.physicalName} metadata when present, else {@link #name()}. Only
   * meaningful when column mapping is active on the table; with it off, callers use the name.
   */
  public String physicalName() {
    Object value = metadata.get(COLUMN_MAPPING_PHYSICAL_NAME_KEY);
    if (value == null) {
      return name;
    }
    if (value instanceof String s) {
      return s;
    }
    throw invalidMetadata(COLUMN_MAPPING_PHYSICAL_NAME_KEY, value, "a string");
  }

  /** The {@code delta.columnMapping.id} metadata (the Parquet field id in {@code id} mode), if present. */
  public OptionalLong columnMappingId() {
    Object value = metadata.get(COLUMN_MAPPING_ID_KEY);
    if (value == null) {
      return OptionalLong.empty();
    }
    if (value instanceof Long id) {
      return OptionalLong.of(id);
    }
    throw invalidMetadata(COLUMN_MAPPING_ID_KEY, value, "an integer");
  }

  private IllegalArgumentException invalidMetadata(String key, Object value, String expected) {
    return new IllegalArgumentException(
        "Field \"" + name + "\" has invalid metadata " + key + "=" + Json.toJson(g -> JsonValues.write(g, value))
            + ": expected " + expected + ".");
  }
}
