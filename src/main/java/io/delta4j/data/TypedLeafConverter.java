package io.delta4j.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.function.BiConsumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One typed leaf of {@code stats_parsed} or {@code partitionValues_parsed}, as a Java value by the
 * Delta type it stores: {@link Long} (all integers), {@link Float}, {@link Double}, {@link Boolean},
 * {@link String}, {@link BigDecimal} (decimal), {@link LocalDate} (date), {@link java.time.Instant}
 * (timestamp, including Spark's legacy INT96), {@code byte[]} (binary).
 */
final class TypedLeafConverter extends ScalarConverter {
  private final String name;
  private final PrimitiveType type;
  private final LogicalTypeAnnotation annotation;
  private final BiConsumer<String, Object> sink;

  TypedLeafConverter(String name, PrimitiveType type, BiConsumer<String, Object> sink) {
    this.name = name;
    this.type = type;
    this.annotation = type.getLogicalTypeAnnotation();
    this.sink = sink;
  }

  /** Whether this leaf holds a Delta type we can render; other leaves are not read. */
  static boolean canRead(PrimitiveType type, boolean keepBinary) {
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN, FLOAT, DOUBLE, INT96 -> true;
      case INT32 -> a == null || a instanceof DateLogicalTypeAnnotation || a instanceof DecimalLogicalTypeAnnotation
          || (a instanceof IntLogicalTypeAnnotation i && i.isSigned());
      case INT64 -> a == null || a instanceof TimestampLogicalTypeAnnotation || a instanceof DecimalLogicalTypeAnnotation
          || (a instanceof IntLogicalTypeAnnotation i && i.isSigned());
      case BINARY -> a instanceof DecimalLogicalTypeAnnotation || SchemaChecks.isString(type)
          && (a != null || keepBinary);
      case FIXED_LEN_BYTE_ARRAY -> a instanceof DecimalLogicalTypeAnnotation;
    };
  }

  @Override
  boolean accepts(Type fileType) {
    return true; // decided by canRead before binding
  }

  @Override
  String expected() {
    return "a typed value";
  }

  @Override
  public void reset() {}

  @Override
  public void addBoolean(boolean value) {
    sink.accept(name, value);
  }

  @Override
  public void addFloat(float value) {
    sink.accept(name, value);
  }

  @Override
  public void addDouble(double value) {
    sink.accept(name, value);
  }

  @Override
  public void addInt(int value) {
    if (annotation instanceof DateLogicalTypeAnnotation) {
      sink.accept(name, LocalDate.ofEpochDay(value));
    } else if (annotation instanceof DecimalLogicalTypeAnnotation d) {
      sink.accept(name, BigDecimal.valueOf(value, d.getScale()));
    } else {
      sink.accept(name, (long) value);
    }
  }

  @Override
  public void addLong(long value) {
    if (annotation instanceof TimestampLogicalTypeAnnotation t) {
      sink.accept(name, TypedValues.timestamp(value, t.getUnit()));
    } else if (annotation instanceof DecimalLogicalTypeAnnotation d) {
      sink.accept(name, BigDecimal.valueOf(value, d.getScale()));
    } else {
      sink.accept(name, value);
    }
  }

  @Override
  public void addBinary(Binary value) {
    switch (type.getPrimitiveTypeName()) {
      case INT96 -> sink.accept(name, TypedValues.int96(value));
      case BINARY, FIXED_LEN_BYTE_ARRAY -> {
        if (annotation instanceof DecimalLogicalTypeAnnotation d) {
          sink.accept(name, new BigDecimal(new BigInteger(value.getBytes()), d.getScale()));
        } else if (annotation == null) {
          sink.accept(name, value.getBytes());
        } else {
          sink.accept(name, value.toStringUsingUTF8());
        }
      }
      default -> throw new MalformedActionException("column " + path() + " delivered binary data");
    }
  }
}
