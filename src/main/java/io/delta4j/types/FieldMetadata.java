package io.delta4j.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, validated copies of column metadata. The protocol lets the metadata object hold any JSON
 * (PROTOCOL.md, "Struct Field"; writers add collation and type-change keys the spec does not list),
 * so it is kept as the plain values {@link io.delta4j.util.JsonValues} reads. Copying makes a
 * {@link StructField} immutable even when a caller passes mutable maps, and keeps the key order so
 * that writing the schema back reproduces it.
 */
final class FieldMetadata {
  private FieldMetadata() {}

  /** An unmodifiable, insertion-ordered deep copy; JSON {@code null} values are kept. */
  static Map<String, Object> copyOf(Map<String, ?> metadata) {
    if (metadata.isEmpty()) {
      return Map.of();
    }
    return copyMap(metadata, "metadata");
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, String where) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException(where + " has a non-string key: " + e.getKey());
      }
      copy.put(key, copyValue(e.getValue(), where + "." + key));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, String where) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof BigInteger
        || value instanceof Double
        || value instanceof BigDecimal) {
      return value;
    }
    // Normalise small integers to Long, the type JsonValues reads, so that a field built in code
    // equals the same field parsed back from its JSON.
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Map<?, ?> map) {
      return copyMap(map, where);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(copyValue(list.get(i), where + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        where + " is a " + value.getClass().getName() + ", which is not a JSON value (use String, "
            + "Boolean, Long, BigInteger, Double, BigDecimal, null, List or Map).");
  }
}
