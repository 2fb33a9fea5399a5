package io.delta4j.data;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;

/** Conversions of Parquet's timestamp encodings, and the text forms Delta writes them in. */
final class TypedValues {
  /** Timestamps in JSON stats: milliseconds and {@code Z}, as Delta writes them ("Per-file Statistics"). */
  static final DateTimeFormatter STATS_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Timestamps as partition values: ISO-8601 in UTC, microseconds ("Partition Value Serialization"). */
  static final DateTimeFormatter PARTITION_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private TypedValues() {}

  static Instant timestamp(long value, LogicalTypeAnnotation.TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> Instant.ofEpochMilli(value);
      case MICROS -> Instant.ofEpochSecond(
          Math.floorDiv(value, 1_000_000L), TimeUnit.MICROSECONDS.toNanos(Math.floorMod(value, 1_000_000L)));
      case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
    };
  }

  /** Spark's legacy INT96 timestamp (see {@link Micros#fromInt96}). */
  static Instant int96(Binary value) {
    return Micros.toInstant(Micros.fromInt96(value));
  }
}
