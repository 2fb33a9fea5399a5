package io.delta4j.types;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Converts the strings of {@code add.partitionValues} to Java values and back (PROTOCOL.md,
 * "Partition Value Serialization"). A JSON null or an empty string means a null value, for every
 * type. The Java classes, per type: string {@link String}; byte, short, integer, long, float,
 * double, boolean their boxed types; decimal {@link BigDecimal} with the column's scale; date
 * {@link LocalDate}; timestamp {@link Instant}; timestamp_ntz {@link LocalDateTime}; binary
 * {@code byte[]}. Struct, array, map and variant columns cannot be partition columns, and a void
 * column holds only nulls.
 */
public final class PartitionValues {
  // Java's parsers also take "1f", "0x1p3" and surrounding blanks; a partition value never has them.
  private static final Pattern FLOATING =
      Pattern.compile("[+-]?(NaN|Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

  private static final String FINER_THAN_MICROS = "it is finer than microseconds, which Delta timestamps cannot hold";
  private static final String TRUNCATE = " (truncate it with truncatedTo(ChronoUnit.MICROS) first)";

  private PartitionValues() {}

  /**
   * The value of a partition column of type {@code type} whose log string is {@code raw}; null
   * for a null value.
   *
   * <p>Timestamps: {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, as Spark writes them, is read as UTC (the
   * writer's zone is not recorded; Delta Kernel does the same), and ISO-8601 with an offset, e.g.
   * {@code 2024-01-01T10:00:00.000000Z}, as that instant. Binary: the UTF-8 bytes of the string,
   * which is how Spark wrote them (it decoded the bytes as UTF-8), so the protocol's example
   * <code>"&#92;u0001&#92;u0002&#92;u0003"</code> in the log gives bytes 1, 2, 3.
   *
   * @throws IllegalArgumentException naming {@code raw} and the type when it cannot be parsed
   */
  public static Object parse(String raw, DataType type) {
    Objects.requireNonNull(type, "type");
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (type instanceof DecimalType decimal) {
      return parseDecimal(raw, decimal);
    }
    if (!(type instanceof PrimitiveType primitive)) {
      throw notPartitionable(type);
    }
    try {
      return switch (primitive) {
        case STRING -> raw;
        case BOOLEAN -> {
          if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            throw cannotParse(raw, type, "expected true or false", null);
          }
          yield Boolean.valueOf(raw);
        }
        case BYTE -> Byte.valueOf(raw);
        case SHORT -> Short.valueOf(raw);
        case INTEGER -> Integer.valueOf(raw);
        case LONG -> Long.valueOf(raw);
        case FLOAT -> Float.valueOf(floating(raw, type));
        case DOUBLE -> Double.valueOf(floating(raw, type));
        case DATE -> date(raw);
        case TIMESTAMP -> {
          Instant instant = PartitionTimestamps.parseTimestamp(raw);
          if (!isMicros(instant.getNano())) {
            throw cannotParse(raw, type, FINER_THAN_MICROS, null);
          }
          yield instant;
        }
        case TIMESTAMP_NTZ -> {
          LocalDateTime local = PartitionTimestamps.parseTimestampNtz(raw);
          if (!isMicros(local.getNano())) {
            throw cannotParse(raw, type, FINER_THAN_MICROS, null);
          }
          yield local;
        }
        case BINARY -> raw.getBytes(StandardCharsets.UTF_8);
        case VOID -> throw cannotParse(raw, type, "a void column holds only nulls", null);
        case VARIANT -> throw notPartitionable(type);
      };
    } catch (NumberFormatException e) {
      throw cannotParse(raw, type, "expected a whole number in the range of " + type.simpleString(), e);
    } catch (DateTimeException e) {
      throw cannotParse(raw, type, "expected " + expectedForm(primitive), e);
    }
  }

  /**
   * A date as Delta writes it ({@code 2024-02-12}) read digit by digit: pruning parses one per file,
   * and the general formatter costs ten times more. Other forms go through the formatter, and both
   * ways refuse an impossible date with a {@link DateTimeException}.
   */
  private static LocalDate date(String raw) {
    if (raw.length() == 10 && raw.charAt(4) == '-' && raw.charAt(7) == '-') {
      int year = digits(raw, 0, 4);
      int month = digits(raw, 5, 7);
      int day = digits(raw, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(raw, DateTimeFormatter.ISO_LOCAL_DATE);
  }

  /** The decimal number in {@code raw[from, to)}, or -1 when a character is not a digit. */
  private static int digits(String raw, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /**
   * The log string of {@code value} in a partition column of type {@code type}, the inverse of
   * {@link #parse}: null for a null value (written as JSON null) and for the empty string, which
   * the protocol cannot tell from null. Timestamps are written as ISO-8601 in UTC with
   * microseconds ({@code 2024-01-01T10:00:00.000000Z}), timestamp_ntz as {@code yyyy-MM-dd
   * HH:mm:ss.ffffff}, decimals in plain notation with the column's scale.
   *
   * @throws IllegalArgumentException when the value is not of the Java class {@link #parse} returns
   *     for {@code type}, or cannot be written without loss
   */
  public static String serialize(Object value, DataType type) {
    Objects.requireNonNull(type, "type");
    if (value == null) {
      return null;
    }
    if (type instanceof DecimalType decimal) {
      BigDecimal number = expect(value, BigDecimal.class, type);
      return atScale(number, decimal, reason -> cannotSerialize(value, type, reason)).toPlainString();
    }
    if (!(type instanceof PrimitiveType primitive)) {
      throw notPartitionable(type);
    }
    return switch (primitive) {
      case STRING -> {
        String string = expect(value, String.class, type);
        yield string.isEmpty() ? null : string;
      }
      case BOOLEAN -> expect(value, Boolean.class, type).toString();
      case BYTE -> expect(value, Byte.class, type).toString();
      case SHORT -> expect(value, Short.class, type).toString();
      case INTEGER -> expect(value, Integer.class, type).toString();
      case LONG -> expect(value, Long.class, type).toString();
      case FLOAT -> expect(value, Float.class, type).toString();
      case DOUBLE -> expect(value, Double.class, type).toString();
      case DATE -> DateTimeFormatter.ISO_LOCAL_DATE.format(expect(value, LocalDate.class, type));
      case TIMESTAMP -> {
        Instant instant = expect(value, Instant.class, type);
        if (!isMicros(instant.getNano())) {
          throw cannotSerialize(value, type, FINER_THAN_MICROS + TRUNCATE);
        }
        yield PartitionTimestamps.formatTimestamp(instant);
      }
      case TIMESTAMP_NTZ -> {
        LocalDateTime local = expect(value, LocalDateTime.class, type);
        if (!isMicros(local.getNano())) {
          throw cannotSerialize(value, type, FINER_THAN_MICROS + TRUNCATE);
        }
        yield PartitionTimestamps.formatTimestampNtz(local);
      }
      case BINARY -> utf8(expect(value, byte[].class, type));
      case VOID -> throw cannotSerialize(value, type, "a void column holds only nulls");
      case VARIANT -> throw notPartitionable(type);
    };
  }

  private static BigDecimal parseDecimal(String raw, DecimalType type) {
    BigDecimal value;
    try {
      value = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      throw cannotParse(raw, type, "expected a decimal number", e);
    }
    return atScale(value, type, reason -> cannotParse(raw, type, reason, null));
  }

  /**
   * {@code value} with the column's scale, so that equal values compare equal; an error rather than
   * rounding away digits or exceeding the column's precision.
   */
  private static BigDecimal atScale(
      BigDecimal value, DecimalType type, Function<String, IllegalArgumentException> error) {
    BigDecimal scaled;
    try {
      scaled = value.setScale(type.scale()); // no rounding mode: throws if digits would be lost
    } catch (ArithmeticException e) {
      throw error.apply("it has more than " + type.scale() + " digits after the point");
    }
    if (scaled.precision() > type.precision()) {
      throw error.apply("it has more than " + (type.precision() - type.scale()) + " digits before the point");
    }
    return scaled;
  }

  private static String floating(String raw, DataType type) {
    if (!FLOATING.matcher(raw).matches()) {
      throw cannotParse(raw, type, "expected a decimal number, NaN or Infinity", null);
    }
    return raw;
  }

  /** Delta timestamps are microseconds: finer digits would be lost silently, so they are refused. */
  private static boolean isMicros(int nanos) {
    return nanos % 1000 == 0;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw cannotSerialize(
          bytes.length + " bytes", PrimitiveType.BINARY,
          "they are not valid UTF-8, and a partition value holds binary as the UTF-8 string of its bytes");
    }
  }

  private static <T> T expect(Object value, Class<T> javaClass, DataType type) {
    if (javaClass.isInstance(value)) {
      return javaClass.cast(value);
    }
    throw cannotSerialize(
        value + " (" + value.getClass().getName() + ")", type, "expected a " + javaClass.getSimpleName());
  }

  private static String expectedForm(PrimitiveType type) {
    switch (type) {
      case DATE:
        return "yyyy-MM-dd";
      case TIMESTAMP:
        return "yyyy-MM-dd HH:mm:ss[.ffffff] (read as UTC) or ISO-8601 such as 2024-01-01T10:00:00.000000Z";
      default:
        return "yyyy-MM-dd HH:mm:ss[.ffffff]";
    }
  }

  private static IllegalArgumentException cannotParse(String raw, DataType type, String reason, Throwable cause) {
    return new IllegalArgumentException(
        "Cannot parse partition value \"" + raw + "\" as " + type.simpleString() + ": " + reason + ".", cause);
  }

  private static IllegalArgumentException cannotSerialize(Object value, DataType type, String reason) {
    return new IllegalArgumentException(
        "Cannot write partition value " + value + " as " + type.simpleString() + ": " + reason + ".");
  }

  private static IllegalArgumentException notPartitionable(DataType type) {
    return new IllegalArgumentException(
        "A column of type " + type.simpleString() + " cannot be a partition column: partition values exist only"
            + " for primitive types other than variant.");
  }
}
