package io.delta4j.data;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders {@code partitionValues_parsed} as the string map {@code partitionValues} would have
 * been (PROTOCOL.md, "Partition Value Serialization"). Used only for checkpoints that lack the
 * (required) string map. Timestamps use the ISO-8601 UTC form the spec recommends; binary values
 * map each byte to one character.
 */
final class PartitionValueStrings {
  private PartitionValueStrings() {}

  static Map<String, String> of(Map<String, Object> typed) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : typed.entrySet()) {
      out.put(e.getKey(), render(e.getValue()));
    }
    return out;
  }

  private static String render(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof Instant t) {
      return TypedValues.PARTITION_TIMESTAMP.format(t);
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return value.toString(); // numbers, booleans, strings, dates (yyyy-MM-dd)
  }
}
