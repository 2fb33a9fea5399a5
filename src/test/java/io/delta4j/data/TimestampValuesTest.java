package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.Row;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Timestamps in every encoding (INT96, INT64 micros and millis, written in UTC and in PST) and
 * timestamp_ntz, against the microsecond values of golden-catalog.md.
 */
class TimestampValuesTest {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  /** id to the {@code time} column in µs, for the tables written in UTC. */
  private static final Map<Integer, Long> UTC = Map.of(
      0, 1_580_544_550_000_000L, 1, 915_181_200_000_000L, 2, 946_717_200_000_000L, 3, -31_536_000_000_000L);

  static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  static long micros(LocalDateTime t) {
    return ChronoUnit.MICROS.between(EPOCH, t);
  }

  private static Map<Integer, Long> timeById(String table) {
    Map<Integer, Long> out = new HashMap<>();
    for (Row r : TableRows.golden(table).rows()) {
      out.put(r.getInt("id"), r.isNullAt("time") ? null : micros(r.getTimestamp("time")));
    }
    return out;
  }

  @Test
  void int96MicrosAndMillisGiveTheSameInstants() {
    for (String table : List.of("kernel-timestamp-INT96", "kernel-timestamp-TIMESTAMP_MICROS",
        "kernel-timestamp-TIMESTAMP_MILLIS")) {
      Map<Integer, Long> expected = new HashMap<>(UTC);
      expected.put(4, null);
      assertEquals(expected, timeById(table), table);
    }
  }

  /** Written by a JVM in PST: the wall-clock times were stored as UTC instants, 8 hours later. */
  @Test
  void writtenInPst() {
    Map<Integer, Long> expected = new HashMap<>();
    UTC.forEach((id, us) -> expected.put(id, us + 8 * 3_600_000_000L));
    expected.put(4, null);
    assertEquals(1_580_573_350_000_000L, expected.get(0));
    assertEquals(expected, timeById("kernel-timestamp-PST"));
  }

  @Test
  void timestampNtzWithAndWithoutColumnMapping() {
    long a = 1_637_202_600_123_456L;
    long b = 1_373_043_660_123_456L;
    Map<Integer, Long> expected = new HashMap<>();
    for (int id = 0; id < 9; id++) {
      expected.put(id, id % 3 == 0 ? Long.valueOf(a) : id % 3 == 1 ? Long.valueOf(b) : null);
    }
    for (String table : List.of("data-reader-timestamp_ntz", "data-reader-timestamp_ntz-id-mode",
        "data-reader-timestamp_ntz-name-mode")) {
      Map<Integer, Long> actual = new HashMap<>();
      for (Row r : TableRows.golden(table).rows()) {
        actual.put(r.getInt("id"), r.isNullAt("tsNtz") ? null : micros(r.getTimestampNtz("tsNtz")));
      }
      assertEquals(expected, actual, table);
    }
  }

  /** Kernel's parquet/parquet-timestamp_ntz_int96.parquet: INT96 read as timestamp_ntz. */
  @Test
  void int96AsTimestampNtz() {
    Path file = io.delta4j.SharedTables.file("golden/kernel/parquet/parquet-timestamp_ntz_int96.parquet");
    io.delta4j.types.StructType schema = io.delta4j.types.StructType.of(
        new io.delta4j.types.StructField("id", io.delta4j.types.PrimitiveType.INTEGER, true),
        new io.delta4j.types.StructField("time", io.delta4j.types.PrimitiveType.TIMESTAMP_NTZ, true));
    List<Row> rows = TableRows.file(file, schema, ColumnMappingMode.NONE);
    assertEquals(1, rows.size());
    assertEquals(1, rows.get(0).getInt("id"));
    assertEquals(915_181_200_000_000L, micros(rows.get(0).getTimestampNtz("time")));
  }
}
