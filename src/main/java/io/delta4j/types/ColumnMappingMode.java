package io.delta4j.types;

import java.util.Locale;
import java.util.Map;

/**
 * How the columns of the table schema are found in data files (PROTOCOL.md, "Column Mapping"):
 * by logical name ({@link #NONE}), by the {@code delta.columnMapping.physicalName} of every field,
 * nested ones included ({@link #NAME}), or by Parquet field id, the {@code delta.columnMapping.id}
 * of every field ({@link #ID}).
 */
public enum ColumnMappingMode {
  NONE,
  NAME,
  ID;

  /** The table property that selects the mode. */
  public static final String PROPERTY = "delta.columnMapping.mode";

  /**
   * The mode {@code delta.columnMapping.mode} names in the table properties; absent means
   * {@link #NONE}.
   *
   * @throws IllegalArgumentException for a value other than none, name or id
   */
  public static ColumnMappingMode fromProperties(Map<String, String> properties) {
    String value = properties.get(PROPERTY);
    if (value == null) {
      return NONE;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "none" -> NONE;
      case "name" -> NAME;
      case "id" -> ID;
      default -> throw new IllegalArgumentException(
          "Unknown " + PROPERTY + " \"" + value + "\" (expected none, name or id).");
    };
  }
}
