package io.delta4j.maintenance;

import io.delta4j.DeltaErrors;
import io.delta4j.Snapshot;
import io.delta4j.util.Intervals;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The retention properties of VACUUM and log cleanup, read strictly, and the times they give. */
final class Retention {
  static final String DELETED_FILES = "delta.deletedFileRetentionDuration";
  static final String DELETED_FILES_DEFAULT = "interval 1 week";
  static final String LOG = "delta.logRetentionDuration";
  static final String LOG_DEFAULT = "interval 30 days";

  private Retention() {}

  /**
   * The property {@code key} of {@code snapshot}, or {@code absent} when unset. A value delta4j
   * cannot parse fails: guessing could delete what the table asks to keep.
   *
   * @throws io.delta4j.CorruptLogException naming the property when its value is not an interval
   */
  static Duration of(Snapshot snapshot, String key, String absent) {
    String value = snapshot.properties().get(key);
    if (value == null) {
      return Duration.ofMillis(Intervals.toMillis(absent));
    }
    try {
      return Duration.ofMillis(Intervals.toMillis(value));
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.badProperty(snapshot.table(), snapshot.version(), key, value, e.getMessage());
    }
  }

  /** Midnight UTC at or before {@code time}: PROTOCOL.md "Metadata Cleanup" counts in whole days. */
  static Instant startOfDayUtc(Instant time) {
    return time.truncatedTo(ChronoUnit.DAYS);
  }

  /** {@code 7 days}, {@code 36 hours}, {@code 90 minutes}, {@code 1500 ms}: the largest whole unit. */
  static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis != 0 && millis % Duration.ofDays(1).toMillis() == 0) {
      return count(duration.toDays(), "day");
    }
    if (millis != 0 && millis % Duration.ofHours(1).toMillis() == 0) {
      return count(duration.toHours(), "hour");
    }
    if (millis != 0 && millis % Duration.ofMinutes(1).toMillis() == 0) {
      return count(duration.toMinutes(), "minute");
    }
    return millis + " ms";
  }

  private static String count(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
