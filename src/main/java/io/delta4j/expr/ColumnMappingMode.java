package io.delta4j.expr;

import java.util.Locale;
import java.util.Map;

/**
 * A table's column mapping mode, table property {@code delta.columnMapping.mode} (PROTOCOL.md,
 * "Column Mapping"). Under {@code name} and {@code id}, statistics and partition values are keyed
 * by each field's physical name; under {@code none} (or without the property) by its logical name.
 */
public enum ColumnMappingMode {
  NONE,
  NAME,
  ID;

  public static final String PROPERTY = "delta.columnMapping.mode";

  /**
   * The mode the table properties set; {@link #NONE} when absent.
   *
   * @throws IllegalArgumentException for a value other than none, name or id
   */
  public static ColumnMappingMode fromProperties(Map<String, String> properties) {
    String value = properties.get(PROPERTY);
    if (value == null) {
      return NONE;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "none":
        return NONE;
      case "name":
        return NAME;
      case "id":
        return ID;
      default:
        throw new IllegalArgumentException(
            "Unknown column mapping mode " + PROPERTY + "=" + value + ": expected none, name or id.");
    }
  }
}
