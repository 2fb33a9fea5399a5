package io.delta4j.log;

import io.delta4j.DeltaErrors;
import io.delta4j.expr.Column;
import io.delta4j.util.Intervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Typed reads of a table's properties (the metadata's {@code configuration}), each failing with a
 * {@code CorruptLogException} that names the table, the version, the property and its value.
 */
public record TableProperties(String table, long version, Map<String, String> config) {

  public boolean bool(String key, boolean absent) {
    String value = config.get(key);
    if (value == null) {
      return absent;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw DeltaErrors.badProperty(table, version, key, value, "it must be true or false");
    };
  }

  public int integer(String key, int absent, int min) {
    String value = config.get(key);
    if (value == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw DeltaErrors.badProperty(table, version, key, value, "it must be a whole number of at least " + min);
  }

  /** A comma-separated list of column names, dotted for nested fields; empty when unset or blank. */
  public List<List<String>> columns(String key) {
    String value = config.get(key);
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<List<String>> out = new ArrayList<>();
    try {
      for (String part : value.split(",")) {
        out.add(Column.parse(part.trim()).path());
      }
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.badProperty(table, version, key, value, e.getMessage());
    }
    return out;
  }

  public OptionalLong interval(String key) {
    String value = config.get(key);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Intervals.toMillis(value));
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.badProperty(table, version, key, value, e.getMessage());
    }
  }

  /** A whole number of at least {@code min}; {@code absent} when unset. */
  public long longValue(String key, long absent, long min) {
    String value = config.get(key);
    if (value == null) {
      return absent;
    }
    try {
      long n = Long.parseLong(value.trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw DeltaErrors.badProperty(table, version, key, value, "it must be a whole number of at least " + min);
  }
}
