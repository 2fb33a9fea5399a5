package io.delta4j.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.parquet.io.api.Binary;

/**
 * Delta timestamps are microseconds since the epoch (PROTOCOL.md, "Primitive Types"); this turns
 * Parquet's encodings into that unit and the unit into Java values.
 */
final class Micros {
  static final long PER_SECOND = 1_000_000L;
  static final long PER_DAY = 86_400L * PER_SECOND;

  /** The Julian day number of 1970-01-01, the epoch of INT96 timestamps. */
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;

  private Micros() {}

  /**
   * Spark's legacy INT96 timestamp: 8 bytes of nanoseconds within the day, then 4 bytes of Julian
   * day, both little-endian, always UTC. Sub-microsecond digits are dropped (rounding down, as
   * Spark does), since a Delta timestamp cannot hold them.
   */
  static long fromInt96(Binary value) {
    ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.remaining() != 12) {
      throw new MalformedActionException("an INT96 timestamp has " + bytes.remaining() + " bytes, not 12");
    }
    long nanosOfDay = bytes.getLong(bytes.position());
    long julianDay = bytes.getInt(bytes.position() + 8);
    return (julianDay - JULIAN_EPOCH_DAY) * PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
  }

  static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1000L);
  }

  static LocalDateTime toLocalDateTime(long micros) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(micros, PER_SECOND), (int) Math.floorMod(micros, PER_SECOND) * 1000, ZoneOffset.UTC);
  }
}
