package io.delta4j.log.action;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of maps whose values may be null (partition values use null for null). */
final class Maps {
  private Maps() {}

  static Map<String, String> copyOf(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
