package io.delta4j.log.action;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of maps whose values may be null (partition values use null for null). */
final class Maps {
  // Immutable already: kept as they are. Most tables have one partition column, so most
  // partition-value maps are singletons, and a copy per file would be the most of their cost.
  private static final Class<?> SINGLETON = Collections.singletonMap("", "").getClass();

  private Maps() {}

  static Map<String, String> copyOf(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    if (map.getClass() == SINGLETON) {
      return map;
    }
    if (map.size() == 1) {
      Map.Entry<String, String> only = map.entrySet().iterator().next();
      return Collections.singletonMap(only.getKey(), only.getValue());
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
