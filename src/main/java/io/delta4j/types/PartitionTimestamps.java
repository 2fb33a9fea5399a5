package io.delta4j.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The timestamp forms of partition values (PROTOCOL.md, "Partition Value Serialization"). Spark
 * writes {@code 2021-09-08 11:11:11[.ffffff]} in the writer's session zone, which the log does not
 * record, so this reads it as UTC as Delta Kernel does; newer writers use ISO-8601 in UTC
 * ({@code 2024-01-01T10:00:00.000000Z}), which is unambiguous and what we write.
 */
final class PartitionTimestamps {
  // Date, then ' ' or 'T', then the time with 0 to 9 fraction digits, then an optional offset.
  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);

  private static final DateTimeFormatter WRITE_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter WRITE_NTZ =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  private PartitionTimestamps() {}

  /** A {@code timestamp} value: either form; without an offset, UTC. Throws DateTimeParseException. */
  static Instant parseTimestamp(String raw) {
    TemporalAccessor parsed = READ.parseBest(withT(raw), OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime offset
        ? offset.toInstant()
        : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
  }

  /** A {@code timestamp_ntz} value: a local date-time, which by definition has no offset. */
  static LocalDateTime parseTimestampNtz(String raw) {
    return LocalDateTime.parse(withT(raw), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  static String formatTimestamp(Instant instant) {
    return WRITE_UTC.format(instant);
  }

  static String formatTimestampNtz(LocalDateTime local) {
    return WRITE_NTZ.format(local);
  }

  /** Spark's space separator as the ISO 'T', so one ISO formatter reads both forms. */
  private static String withT(String raw) {
    return raw.length() > 10 && raw.charAt(10) == ' ' ? raw.substring(0, 10) + 'T' + raw.substring(11) : raw;
  }
}
