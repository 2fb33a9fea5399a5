package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.DeltaException;
import io.delta4j.Row;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet encodings that no shared table has, in files written here: unsigned integers, timestamp
 * units and legacy forms, decimals in every physical type with widening, and the mismatches that
 * must fail rather than read wrong values.
 */
class EncodingsTest {
  @TempDir Path dir;

  private static StructType schema(Object... nameTypePairs) {
    StructField[] fields = new StructField[nameTypePairs.length / 2];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = new StructField((String) nameTypePairs[2 * i], (DataType) nameTypePairs[2 * i + 1], true);
    }
    return StructType.of(fields);
  }

  private Row single(String parquetSchema, java.util.function.Consumer<org.apache.parquet.example.data.Group> row,
      StructType schema) throws IOException {
    Path file = TestParquet.write(dir.resolve("f.parquet"), parquetSchema, row);
    List<Row> rows = TableRows.file(file, schema, ColumnMappingMode.NONE);
    assertEquals(1, rows.size());
    return rows.get(0);
  }

  @Test
  void integersSignedUnsignedAndWidened() throws IOException {
    String parquet = "message m { required int32 u8 (INTEGER(8,false)); required int32 u16 (INTEGER(16,false));"
        + " required int32 u32 (INTEGER(32,false)); required int32 plain; required int64 i64 (INTEGER(64,true));"
        + " required int32 i16 (INTEGER(16,true)); }";
    Row r = single(parquet, g -> g.append("u8", 200).append("u16", 60000).append("u32", -1).append("plain", -5)
            .append("i64", Long.MIN_VALUE).append("i16", -300),
        schema("u8", PrimitiveType.SHORT, "u16", PrimitiveType.INTEGER, "u32", PrimitiveType.LONG,
            "plain", PrimitiveType.BYTE, "i64", PrimitiveType.LONG, "i16", PrimitiveType.DOUBLE));
    assertEquals(200, r.getShort("u8"));
    assertEquals(60000, r.getInt("u16"));
    assertEquals(4_294_967_295L, r.getLong("u32"));
    assertEquals(-5, r.getByte("plain"));
    assertEquals(Long.MIN_VALUE, r.getLong("i64"));
    assertEquals(-300.0, r.getDouble("i16"));
  }

  @Test
  void timestampsInEveryUnitAndLegacyForm() throws IOException {
    String parquet = "message m { required int64 millis (TIMESTAMP(MILLIS,true)); required int64 nanos (TIMESTAMP(NANOS,true));"
        + " required int64 bare; required int96 legacy; required int64 ntz_millis (TIMESTAMP(MILLIS,false));"
        + " required int32 day (DATE); required int96 legacy_ntz; }";
    long julianEpoch = 2_440_588;
    Row r = single(parquet, g -> g.append("millis", -1L).append("nanos", -1L).append("bare", 1_500_000L)
            .append("legacy", new NanoTime((int) julianEpoch + 1, 1_000_001_500L)).append("ntz_millis", 86_400_001L)
            .append("day", 19_975).append("legacy_ntz", new NanoTime((int) julianEpoch - 1, 0L)),
        schema("millis", PrimitiveType.TIMESTAMP, "nanos", PrimitiveType.TIMESTAMP, "bare", PrimitiveType.TIMESTAMP,
            "legacy", PrimitiveType.TIMESTAMP, "ntz_millis", PrimitiveType.TIMESTAMP_NTZ,
            "day", PrimitiveType.TIMESTAMP_NTZ, "legacy_ntz", PrimitiveType.TIMESTAMP_NTZ));
    assertEquals(Instant.parse("1969-12-31T23:59:59.999Z"), r.getTimestamp("millis"));
    assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), r.getTimestamp("nanos"), "nanoseconds round down");
    assertEquals(Instant.parse("1970-01-01T00:00:01.500Z"), r.getTimestamp("bare"), "an INT64 without annotation is µs");
    assertEquals(Instant.parse("1970-01-02T00:00:01.000001Z"), r.getTimestamp("legacy"));
    assertEquals(LocalDateTime.parse("1970-01-02T00:00:00.001"), r.getTimestampNtz("ntz_millis"));
    assertEquals(LocalDate.ofEpochDay(19_975).atStartOfDay(), r.getTimestampNtz("day"), "date widened to timestamp_ntz");
    assertEquals(LocalDateTime.parse("1969-12-31T00:00"), r.getTimestampNtz("legacy_ntz"));
  }

  @Test
  void decimalsInEveryPhysicalTypeAndWidened() throws IOException {
    String parquet = "message m { required binary legacy (DECIMAL(5,2)); required fixed_len_byte_array(9) wide (DECIMAL(20,2));"
        + " required int32 small (DECIMAL(5,2)); required int64 whole; required int32 int; required int64 same (DECIMAL(12,3));"
        + " required fixed_len_byte_array(4) fixed_small (DECIMAL(9,4)); }";
    Row r = single(parquet, g -> g.append("legacy", bytes(-12345)).append("wide", fixed(new BigInteger("-123456789012345678"), 9))
            .append("small", -12345).append("whole", Long.MIN_VALUE).append("int", Integer.MIN_VALUE)
            .append("same", 123_456_789_012L).append("fixed_small", fixed(BigInteger.valueOf(-1), 4)),
        schema("legacy", new DecimalType(5, 2), "wide", new DecimalType(22, 4), "small", new DecimalType(20, 3),
            "whole", new DecimalType(20, 0), "int", new DecimalType(12, 2), "same", new DecimalType(12, 3),
            "fixed_small", new DecimalType(10, 5)));
    assertEquals(new BigDecimal("-123.45"), r.getDecimal("legacy"));
    assertEquals(new BigDecimal("-1234567890123456.7800"), r.getDecimal("wide"));
    assertEquals(new BigDecimal("-123.450"), r.getDecimal("small"));
    assertEquals(new BigDecimal(Long.MIN_VALUE), r.getDecimal("whole"));
    assertEquals(new BigDecimal("-2147483648.00"), r.getDecimal("int"));
    assertEquals(new BigDecimal("123456789.012"), r.getDecimal("same"));
    assertEquals(new BigDecimal("-0.00010"), r.getDecimal("fixed_small"));
  }

  @Test
  void narrowingAndUnrelatedTypesAreRefused() throws IOException {
    String parquet = "message m { optional int64 d (DECIMAL(10,2)); optional binary s (STRING); optional int32 u8 (INTEGER(8,false));"
        + " optional int64 utc (TIMESTAMP(MICROS,true)); optional int64 l; optional double x; }";
    Path file = TestParquet.write(dir.resolve("f.parquet"), parquet, g -> g.append("l", 1L));
    record Case(String column, DataType type, String fileType) {}
    List<Case> cases = List.of(
        new Case("d", new DecimalType(10, 3), "optional int64 d (DECIMAL(10,2))"),
        new Case("d", new DecimalType(12, 1), "optional int64 d (DECIMAL(10,2))"),
        new Case("s", PrimitiveType.INTEGER, "optional binary s (STRING)"),
        new Case("u8", PrimitiveType.BYTE, "optional int32 u8 (INTEGER(8,false))"),
        new Case("utc", PrimitiveType.TIMESTAMP_NTZ, "optional int64 utc (TIMESTAMP(MICROS,true))"),
        new Case("l", PrimitiveType.INTEGER, "optional int64 l"),
        new Case("l", PrimitiveType.DOUBLE, "optional int64 l"),
        new Case("x", PrimitiveType.FLOAT, "optional double x"),
        new Case("x", StructType.of(new StructField("a", PrimitiveType.INTEGER, true)), "optional double x"));
    for (Case c : cases) {
      DeltaException e = assertThrows(DeltaException.class,
          () -> TableRows.file(file, schema(c.column(), c.type()), ColumnMappingMode.NONE), c.toString());
      assertEquals("test: Cannot read data file f.parquet: column " + c.column() + " has Parquet type '" + c.fileType()
          + "', which cannot be read as the table's type " + c.type().simpleString() + ".", e.getMessage());
    }
  }

  private static Binary bytes(long unscaled) {
    return Binary.fromConstantByteArray(BigInteger.valueOf(unscaled).toByteArray());
  }

  /** A big-endian two's complement value sign-extended to {@code width} bytes. */
  private static Binary fixed(BigInteger unscaled, int width) {
    byte[] minimal = unscaled.toByteArray();
    byte[] out = new byte[width];
    java.util.Arrays.fill(out, unscaled.signum() < 0 ? (byte) -1 : 0);
    System.arraycopy(minimal, 0, out, width - minimal.length, minimal.length);
    return Binary.fromConstantByteArray(out);
  }
}
