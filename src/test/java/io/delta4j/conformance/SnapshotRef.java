package io.delta4j.conformance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Which snapshot a case reads: the {@code at} column. */
sealed interface SnapshotRef {
  record Latest() implements SnapshotRef {
    @Override
    public String toString() {
      return "latest";
    }
  }

  /** {@code v<N>}: {@code DeltaTable.open(path, N)}; N may be negative to test the error. */
  record AtVersion(long version) implements SnapshotRef {
    @Override
    public String toString() {
      return "v" + version;
    }
  }

  /** {@code ts:<ISO-8601 date-time with offset>}: {@code DeltaTable.snapshotAsOf(instant)}. */
  record AsOf(Instant instant, String text) implements SnapshotRef {
    @Override
    public String toString() {
      return "ts:" + text;
    }
  }

  static SnapshotRef parse(String text) {
    if (text.equals("latest")) {
      return new Latest();
    }
    if (text.startsWith("v")) {
      try {
        return new AtVersion(Long.parseLong(text.substring(1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad version in \"" + text + "\"", e);
      }
    }
    if (text.startsWith("ts:")) {
      String iso = text.substring(3);
      try {
        return new AsOf(OffsetDateTime.parse(iso).toInstant(), iso);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("bad timestamp in \"" + text + "\" (want ISO-8601 with offset)", e);
      }
    }
    throw new IllegalArgumentException("bad \"at\" value \"" + text + "\"; want latest, v<N> or ts:<ISO-8601>");
  }
}
