package io.delta4j.write;

import io.delta4j.log.TableProperties;
import java.util.Map;

/** {@code delta.checkpointInterval}: a checkpoint after every commit whose version is a multiple of it. */
public final class CheckpointInterval {
  static final String PROPERTY = "delta.checkpointInterval";
  static final long DEFAULT = 10;

  private CheckpointInterval() {}

  /** The table's interval (default 10). */
  public static long of(String table, long version, Map<String, String> properties) {
    return new TableProperties(table, version, properties).longValue(PROPERTY, DEFAULT, 1);
  }
}
