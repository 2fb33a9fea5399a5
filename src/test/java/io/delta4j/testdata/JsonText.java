package io.delta4j.testdata;

import io.delta4j.util.Json;
import io.delta4j.util.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compact JSON text of plain Java values: {@link Map} (objects, in insertion order), {@link List},
 * {@link String}, {@link Number}, {@link Boolean} and {@code null}. Non-ASCII characters are written
 * as UTF-8, not escaped, as Spark and delta-rs write them, so the tables also exercise UTF-8 decoding.
 */
final class JsonText {
  private JsonText() {}

  static String of(Object value) {
    return Json.toJson(gen -> JsonValues.write(gen, value));
  }

  /** An object from alternating keys and values; a null value is written as JSON null. */
  static Map<String, Object> obj(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of arguments");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
