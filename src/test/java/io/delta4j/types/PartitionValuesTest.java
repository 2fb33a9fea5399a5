package io.delta4j.types;

import static io.delta4j.types.PrimitiveType.BINARY;
import static io.delta4j.types.PrimitiveType.BOOLEAN;
import static io.delta4j.types.PrimitiveType.BYTE;
import static io.delta4j.types.PrimitiveType.DATE;
import static io.delta4j.types.PrimitiveType.DOUBLE;
import static io.delta4j.types.PrimitiveType.FLOAT;
import static io.delta4j.types.PrimitiveType.INTEGER;
import static io.delta4j.types.PrimitiveType.LONG;
import static io.delta4j.types.PrimitiveType.SHORT;
import static io.delta4j.types.PrimitiveType.STRING;
import static io.delta4j.types.PrimitiveType.TIMESTAMP;
import static io.delta4j.types.PrimitiveType.TIMESTAMP_NTZ;
import static io.delta4j.types.PrimitiveType.VARIANT;
import static io.delta4j.types.PrimitiveType.VOID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.EnumSource;

class PartitionValuesTest {
  private static final DecimalType DECIMAL_12_5 = new DecimalType(12, 5);

  private static String parseError(String raw, DataType type) {
    return assertThrows(IllegalArgumentException.class, () -> PartitionValues.parse(raw, type)).getMessage();
  }

  private static String writeError(Object value, DataType type) {
    return assertThrows(IllegalArgumentException.class, () -> PartitionValues.serialize(value, type)).getMessage();
  }

  @EnumSource(value = PrimitiveType.class, mode = EnumSource.Mode.EXCLUDE, names = "VARIANT")
  @ParameterizedTest
  void nullAndEmptyAreNullForEveryType(PrimitiveType type) {
    assertNull(PartitionValues.parse(null, type));
    assertNull(PartitionValues.parse("", type));
    assertNull(PartitionValues.serialize(null, type));
  }

  @Test
  void nullAndEmptyDecimal() {
    assertNull(PartitionValues.parse("", DECIMAL_12_5));
    assertNull(PartitionValues.parse(null, DECIMAL_12_5));
  }

  @Test
  void simpleTypes() {
    assertEquals("a b/c=%20", PartitionValues.parse("a b/c=%20", STRING));
    assertEquals("null", PartitionValues.parse("null", STRING)); // the string "null" is not a null value
    assertEquals(true, PartitionValues.parse("true", BOOLEAN));
    assertEquals(false, PartitionValues.parse("false", BOOLEAN));
    assertEquals(true, PartitionValues.parse("TRUE", BOOLEAN));
    assertEquals((byte) -128, PartitionValues.parse("-128", BYTE));
    assertEquals((short) 32767, PartitionValues.parse("32767", SHORT));
    assertEquals(-2147483648, PartitionValues.parse("-2147483648", INTEGER));
    assertEquals(9223372036854775807L, PartitionValues.parse("9223372036854775807", LONG));
    assertEquals(1.0f, PartitionValues.parse("1.0", FLOAT));
    assertEquals(1.0e10f, PartitionValues.parse("1.0E10", FLOAT));
    assertEquals(9.9, PartitionValues.parse("9.9", DOUBLE));
    assertEquals(-0.0, PartitionValues.parse("-0.0", DOUBLE));
    assertEquals(Double.NaN, PartitionValues.parse("NaN", DOUBLE));
    assertEquals(Float.NEGATIVE_INFINITY, PartitionValues.parse("-Infinity", FLOAT));
    assertEquals(LocalDate.of(2021, 9, 8), PartitionValues.parse("2021-09-08", DATE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2021-09-08", "0000-01-01", "9999-12-31", "2024-02-29", "-0044-03-15", "+10000-01-01"})
  void datesReadLikeTheIsoFormatter(String raw) {
    assertEquals(LocalDate.parse(raw, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE), PartitionValues.parse(raw, DATE));
  }

  @Test
  void decimalsTakeTheColumnScale() {
    assertEquals(new BigDecimal("2342222.23454"), PartitionValues.parse("2342222.23454", DECIMAL_12_5));
    assertEquals(new BigDecimal("0.00004"), PartitionValues.parse("0.00004", DECIMAL_12_5));
    assertEquals(new BigDecimal("234.00000"), PartitionValues.parse("234", DECIMAL_12_5));
    assertEquals(new BigDecimal("1.00"), PartitionValues.parse("1.0", new DecimalType(3, 2)));
    assertEquals(new BigDecimal("1000"), PartitionValues.parse("1E+3", new DecimalType(4, 0)));
    assertEquals(new BigDecimal("0.12345"), PartitionValues.parse("0.12345", new DecimalType(5, 5)));
    assertEquals(new BigDecimal("0.00000"), PartitionValues.parse("0", new DecimalType(5, 5)));
  }

  @Test
  void decimalsThatDoNotFitAreRejected() {
    assertEquals(
        "Cannot parse partition value \"1.234\" as decimal(3,2): it has more than 2 digits after the point.",
        parseError("1.234", new DecimalType(3, 2)));
    assertEquals(
        "Cannot parse partition value \"10.5\" as decimal(3,2): it has more than 1 digits before the point.",
        parseError("10.5", new DecimalType(3, 2)));
    assertEquals(
        "Cannot parse partition value \"12,5\" as decimal(12,5): expected a decimal number.",
        parseError("12,5", DECIMAL_12_5));
  }

  @Test
  void timestampsInSparkFormAreUtc() {
    assertEquals(Instant.parse("2021-09-08T11:11:11Z"), PartitionValues.parse("2021-09-08 11:11:11", TIMESTAMP));
    assertEquals(
        Instant.parse("2020-01-01T08:09:10.001Z"), PartitionValues.parse("2020-01-01 08:09:10.001", TIMESTAMP));
    assertEquals(
        Instant.parse("1970-01-01T00:00:00.123456Z"),
        PartitionValues.parse("1970-01-01 00:00:00.123456", TIMESTAMP));
    assertEquals(Instant.parse("1969-01-01T00:00:00Z"), PartitionValues.parse("1969-01-01 00:00:00", TIMESTAMP));
  }

  @Test
  void timestampsInIsoForm() {
    assertEquals(
        Instant.parse("2024-01-01T10:00:00Z"), PartitionValues.parse("2024-01-01T10:00:00.000000Z", TIMESTAMP));
    assertEquals(
        Instant.parse("2024-01-01T09:00:00Z"), PartitionValues.parse("2024-01-01T10:00:00+01:00", TIMESTAMP));
    assertEquals(
        Instant.parse("1971-07-22T03:06:40Z"), PartitionValues.parse("1971-07-22T03:06:40.000000Z", TIMESTAMP));
  }

  @Test
  void timestampNtz() {
    assertEquals(
        LocalDateTime.of(2021, 11, 18, 2, 30, 0, 123_456_000),
        PartitionValues.parse("2021-11-18 02:30:00.123456", TIMESTAMP_NTZ));
    assertEquals(LocalDateTime.of(2013, 7, 5, 17, 1), PartitionValues.parse("2013-07-05 17:01:00", TIMESTAMP_NTZ));
    assertEquals(LocalDateTime.of(2013, 7, 5, 17, 1), PartitionValues.parse("2013-07-05T17:01:00", TIMESTAMP_NTZ));
  }

  @Test
  void binaryIsTheUtf8BytesOfTheString() {
    // PROTOCOL.md's example (the escaped characters 1, 2, 3), and Spark's emoji value in DAT multi_partitioned.
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) PartitionValues.parse("\u0001\u0002\u0003", BINARY));
    assertArrayEquals(
        new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x88},
        (byte[]) PartitionValues.parse("😈", BINARY));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "abc|INTEGER|Cannot parse partition value \"abc\" as int: expected a whole number in the range of int.",
        "128|BYTE|Cannot parse partition value \"128\" as byte: expected a whole number in the range of byte.",
        "1.5|LONG|Cannot parse partition value \"1.5\" as long: expected a whole number in the range of long.",
        "yes|BOOLEAN|Cannot parse partition value \"yes\" as boolean: expected true or false.",
        "1f|FLOAT|Cannot parse partition value \"1f\" as float: expected a decimal number, NaN or Infinity.",
        "' 1.0'|DOUBLE|Cannot parse partition value \" 1.0\" as double: expected a decimal number, NaN or Infinity.",
        "2021-02-30|DATE|Cannot parse partition value \"2021-02-30\" as date: expected yyyy-MM-dd.",
        "2021/09/08|DATE|Cannot parse partition value \"2021/09/08\" as date: expected yyyy-MM-dd.",
        "2021-13-01|DATE|Cannot parse partition value \"2021-13-01\" as date: expected yyyy-MM-dd.",
        "2021-0a-01|DATE|Cannot parse partition value \"2021-0a-01\" as date: expected yyyy-MM-dd.",
        "2021-09-08 25:00:00|TIMESTAMP|Cannot parse partition value \"2021-09-08 25:00:00\" as timestamp: expected"
            + " yyyy-MM-dd HH:mm:ss[.ffffff] (read as UTC) or ISO-8601 such as 2024-01-01T10:00:00.000000Z.",
        "2021-09-08 10:00:00.0000001|TIMESTAMP|Cannot parse partition value \"2021-09-08 10:00:00.0000001\" as"
            + " timestamp: it is finer than microseconds, which Delta timestamps cannot hold.",
        "2021-09-08T10:00:00Z|TIMESTAMP_NTZ|Cannot parse partition value \"2021-09-08T10:00:00Z\" as timestamp_ntz:"
            + " expected yyyy-MM-dd HH:mm:ss[.ffffff].",
        "x|VOID|Cannot parse partition value \"x\" as void: a void column holds only nulls."
      })
  void unparseableValuesNameTheValueAndTheType(String raw, PrimitiveType type, String message) {
    assertEquals(message, parseError(raw, type));
  }

  @Test
  void nonPrimitiveTypesCannotBePartitionColumns() {
    String expected =
        "A column of type array<int> cannot be a partition column: partition values exist only for primitive"
            + " types other than variant.";
    assertEquals(expected, parseError("1", new ArrayType(INTEGER, true)));
    assertEquals(expected, writeError(List.of(1), new ArrayType(INTEGER, true)));
    assertEquals(
        "A column of type variant cannot be a partition column: partition values exist only for primitive types"
            + " other than variant.",
        parseError("{}", VARIANT));
  }

  @Test
  void serializeWritesTheCanonicalForms() {
    assertEquals("a", PartitionValues.serialize("a", STRING));
    assertNull(PartitionValues.serialize("", STRING)); // the protocol cannot tell "" from null
    assertEquals("true", PartitionValues.serialize(true, BOOLEAN));
    assertEquals("-1", PartitionValues.serialize((byte) -1, BYTE));
    assertEquals("7", PartitionValues.serialize((short) 7, SHORT));
    assertEquals("42", PartitionValues.serialize(42, INTEGER));
    assertEquals("42", PartitionValues.serialize(42L, LONG));
    assertEquals("1.0", PartitionValues.serialize(1.0f, FLOAT));
    assertEquals("1.0E10", PartitionValues.serialize(1.0e10, DOUBLE));
    assertEquals("NaN", PartitionValues.serialize(Double.NaN, DOUBLE));
    assertEquals("0.00004", PartitionValues.serialize(new BigDecimal("0.00004"), DECIMAL_12_5));
    assertEquals("234.00000", PartitionValues.serialize(new BigDecimal("234"), DECIMAL_12_5));
    assertEquals("1000", PartitionValues.serialize(new BigDecimal("1E+3"), new DecimalType(4, 0)));
    assertEquals("2021-09-08", PartitionValues.serialize(LocalDate.of(2021, 9, 8), DATE));
    assertEquals(
        "2024-01-01T10:00:00.000000Z", PartitionValues.serialize(Instant.parse("2024-01-01T10:00:00Z"), TIMESTAMP));
    assertEquals(
        "1969-12-31T23:59:59.999999Z",
        PartitionValues.serialize(Instant.parse("1969-12-31T23:59:59.999999Z"), TIMESTAMP));
    assertEquals(
        "2021-11-18 02:30:00.123456",
        PartitionValues.serialize(LocalDateTime.of(2021, 11, 18, 2, 30, 0, 123_456_000), TIMESTAMP_NTZ));
    byte[] emoji = {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x88};
    assertEquals("😈", PartitionValues.serialize(emoji, BINARY));
  }

  @Test
  void serializeThenParseGivesTheValueBack() {
    List<Object[]> cases =
        List.of(
            new Object[] {"x=y/z", STRING},
            new Object[] {false, BOOLEAN},
            new Object[] {(byte) 5, BYTE},
            new Object[] {(short) -5, SHORT},
            new Object[] {Integer.MIN_VALUE, INTEGER},
            new Object[] {Long.MAX_VALUE, LONG},
            new Object[] {Float.MIN_VALUE, FLOAT},
            new Object[] {Double.MAX_VALUE, DOUBLE},
            new Object[] {new BigDecimal("-2342342.23423"), DECIMAL_12_5},
            new Object[] {LocalDate.of(-44, 3, 15), DATE},
            new Object[] {Instant.parse("2020-01-01T08:09:10.001Z"), TIMESTAMP},
            new Object[] {LocalDateTime.of(1, 1, 1, 0, 0), TIMESTAMP_NTZ});
    for (Object[] c : cases) {
      DataType type = (DataType) c[1];
      assertEquals(c[0], PartitionValues.parse(PartitionValues.serialize(c[0], type), type), type.simpleString());
    }
    byte[] bytes = {0, 1, 2, 0x7F};
    assertArrayEquals(bytes, (byte[]) PartitionValues.parse(PartitionValues.serialize(bytes, BINARY), BINARY));
  }

  @Test
  void serializeRefusesLossAndWrongClasses() {
    assertEquals(
        "Cannot write partition value 5 (java.lang.Integer) as long: expected a Long.", writeError(5, LONG));
    assertEquals(
        "Cannot write partition value 1.234 as decimal(3,2): it has more than 2 digits after the point.",
        writeError(new BigDecimal("1.234"), new DecimalType(3, 2)));
    assertEquals(
        "Cannot write partition value 100 as decimal(3,2): it has more than 1 digits before the point.",
        writeError(new BigDecimal("100"), new DecimalType(3, 2)));
    assertEquals(
        "Cannot write partition value 2024-01-01T10:00:00.000000001Z as timestamp: it is finer than microseconds,"
            + " which Delta timestamps cannot hold (truncate it with truncatedTo(ChronoUnit.MICROS) first).",
        writeError(Instant.parse("2024-01-01T10:00:00.000000001Z"), TIMESTAMP));
    assertEquals(
        "Cannot write partition value 2 bytes as binary: they are not valid UTF-8, and a partition value holds"
            + " binary as the UTF-8 string of its bytes.",
        writeError(new byte[] {(byte) 0xC3, (byte) 0x28}, BINARY));
    assertEquals("Cannot write partition value 1 as void: a void column holds only nulls.", writeError(1, VOID));
  }
}
