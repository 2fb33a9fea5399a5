package io.delta4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Text to typed values: the forms accepted, and the messages of those refused. */
class TextValuesTest {
  private static Object parse(String text, DataType type) {
    return TextValues.parse(text, type, "c", InputErrors.quote(text));
  }

  private static String refused(String text, DataType type) {
    return assertThrows(RowInputException.class, () -> parse(text, type)).getMessage();
  }

  @Test
  void numbers() {
    assertEquals((byte) -128, parse("-128", PrimitiveType.BYTE));
    assertEquals((short) 7, parse(" +7 ", PrimitiveType.SHORT));
    assertEquals(Integer.MIN_VALUE, parse("-2147483648", PrimitiveType.INTEGER));
    assertEquals(Long.MAX_VALUE, parse("9223372036854775807", PrimitiveType.LONG));
    assertEquals(0.1f, parse("0.1", PrimitiveType.FLOAT));
    assertEquals(1.5e-7, parse("1.5E-7", PrimitiveType.DOUBLE));
    assertEquals(Double.POSITIVE_INFINITY, parse("Infinity", PrimitiveType.DOUBLE));
    assertEquals(Float.NEGATIVE_INFINITY, parse("-Infinity", PrimitiveType.FLOAT));
    assertEquals(new BigDecimal("1.20"), parse("1.2", new DecimalType(5, 2)));
    assertEquals(new BigDecimal("-120.00"), parse("-1.2e2", new DecimalType(5, 2)));
    assertEquals(new BigDecimal("3.10"), parse("3.1000", new DecimalType(5, 2)), "trailing zeros are not digits lost");
  }

  @Test
  void numbersRefused() {
    assertEquals("column \"c\" is byte: \"128\" is out of range [-128, 127]", refused("128", PrimitiveType.BYTE));
    assertEquals("column \"c\" is long: \"9223372036854775808\" is out of range",
        refused("9223372036854775808", PrimitiveType.LONG));
    assertEquals("column \"c\": expected an integer, got \"1.5\"", refused("1.5", PrimitiveType.INTEGER));
    assertEquals("column \"c\": expected a number, got \"abc\"", refused("abc", PrimitiveType.DOUBLE));
    assertEquals("column \"c\": expected a number, got \"1d\"", refused("1d", PrimitiveType.DOUBLE));
    assertEquals("column \"c\" is float: \"1e39\" is out of range", refused("1e39", PrimitiveType.FLOAT));
    assertEquals("column \"c\" is decimal(5,2): \"1.234\" has more than 2 digits after the point",
        refused("1.234", new DecimalType(5, 2)));
    assertEquals("column \"c\" is decimal(5,2): \"1234\" has more than 5 digits", refused("1234", new DecimalType(5, 2)));
  }

  @Test
  void datesAndTimes() {
    assertEquals(LocalDate.of(2024, 2, 29), parse("2024-02-29", PrimitiveType.DATE));
    Instant t = Instant.parse("2024-05-01T10:00:00.000001Z");
    assertEquals(t, parse("2024-05-01T10:00:00.000001Z", PrimitiveType.TIMESTAMP));
    assertEquals(t, parse("2024-05-01 10:00:00.000001", PrimitiveType.TIMESTAMP), "UTC when there is no offset");
    assertEquals(t, parse("2024-05-01T12:00:00.000001+02:00", PrimitiveType.TIMESTAMP));
    assertEquals(t, parse("2024-05-01 12:00:00.000001+02:00", PrimitiveType.TIMESTAMP));
    assertEquals(LocalDateTime.of(2024, 5, 1, 10, 0), parse("2024-05-01 10:00", PrimitiveType.TIMESTAMP_NTZ));
    assertEquals(LocalDateTime.of(2024, 5, 1, 10, 0, 1, 5000), parse("2024-05-01T10:00:01.000005", PrimitiveType.TIMESTAMP_NTZ));

    assertEquals("column \"c\": expected a date such as 2024-05-01, got \"2024-02-30\"", refused("2024-02-30", PrimitiveType.DATE));
    assertEquals("column \"c\": expected a timestamp such as 2024-05-01T10:00:00Z or 2024-05-01 10:00:00, got \"yesterday\"",
        refused("yesterday", PrimitiveType.TIMESTAMP));
    assertEquals("column \"c\": expected a timestamp without a zone such as 2024-05-01 10:00:00, got \"2024-05-01T10:00:00Z\"",
        refused("2024-05-01T10:00:00Z", PrimitiveType.TIMESTAMP_NTZ));
    assertEquals("column \"c\": \"2024-05-01T10:00:00.0000001Z\" has more than 6 fractional digits",
        refused("2024-05-01T10:00:00.0000001Z", PrimitiveType.TIMESTAMP));
  }

  @Test
  void otherScalars() {
    assertEquals(true, parse("TRUE", PrimitiveType.BOOLEAN));
    assertEquals(false, parse("false", PrimitiveType.BOOLEAN));
    assertEquals(" keeps blanks ", parse(" keeps blanks ", PrimitiveType.STRING));
    assertArrayEquals(new byte[] {(byte) 0xFB, (byte) 0xFF}, (byte[]) parse("+/8=", PrimitiveType.BINARY));

    assertEquals("column \"c\": expected true or false, got \"yes\"", refused("yes", PrimitiveType.BOOLEAN));
    assertEquals("column \"c\": expected base64, got \"%%\"", refused("%%", PrimitiveType.BINARY));
    assertEquals("column \"c\" is variant, which the command line cannot write; write it with the Java API",
        refused("{}", PrimitiveType.VARIANT));
  }
}
