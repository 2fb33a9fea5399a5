package io.delta4j.write;

import io.delta4j.DeltaErrors;
import java.util.Map;

/** {@code delta.checkpointInterval}: a checkpoint after every commit whose version is a multiple of it. */
public final class CheckpointInterval {
  static final String PROPERTY = "delta.checkpointInterval";
  static final long DEFAULT = 10;

  private CheckpointInterval() {}

  /** The table's interval (default 10). */
  public static long of(String table, long version, Map<String, String> properties) {
    String value = properties.get(PROPERTY);
    if (value == null) {
      return DEFAULT;
    }
    try {
      long interval = Long.parseLong(value.trim());
      if (interval > 0) {
        return interval;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw DeltaErrors.badProperty(table, version, PROPERTY, value, "it must be a positive whole number");
  }
}
