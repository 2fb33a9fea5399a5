package io.delta4j.expr;

import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The Java class of each literal type (the mapping of {@link io.delta4j.Row}) and back. */
final class Literals {
  private Literals() {}

  /**
   * The class a non-null literal of {@code type} holds. Struct, array, map, variant and void
   * literals can only be NULL: predicates compare primitive values, so {@link Void} stands for
   * "no value allowed".
   */
  static Class<?> javaClassOf(DataType type) {
    if (type instanceof DecimalType) {
      return BigDecimal.class;
    }
    if (!(type instanceof PrimitiveType primitive)) {
      return Void.class;
    }
    return switch (primitive) {
      case BOOLEAN -> Boolean.class;
      case BYTE -> Byte.class;
      case SHORT -> Short.class;
      case INTEGER -> Integer.class;
      case LONG -> Long.class;
      case FLOAT -> Float.class;
      case DOUBLE -> Double.class;
      case STRING -> String.class;
      case BINARY -> byte[].class;
      case DATE -> LocalDate.class;
      case TIMESTAMP -> Instant.class;
      case TIMESTAMP_NTZ -> LocalDateTime.class;
      case VARIANT, VOID -> Void.class;
    };
  }

  static DataType typeOf(Object value) {
    if (value == null) {
      return PrimitiveType.VOID;
    }
    if (value instanceof BigDecimal decimal) {
      return decimalTypeOf(decimal);
    }
    for (PrimitiveType type : PrimitiveType.values()) {
      if (javaClassOf(type) == value.getClass()) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Cannot use a " + value.getClass().getName() + " as a literal: use Long, Integer, Short, Byte, Double,"
            + " Float, BigDecimal, String, Boolean, byte[], LocalDate, Instant or LocalDateTime.");
  }

  /** decimal(p,s) holding {@code value} exactly: 12.50 is decimal(4,2), 0.001 decimal(3,3), 1E+3 decimal(4,0). */
  static DecimalType decimalTypeOf(BigDecimal value) {
    BigDecimal exact = value.scale() < 0 ? value.setScale(0) : value;
    int precision = Math.max(exact.precision(), exact.scale());
    if (precision > DecimalType.MAX_PRECISION) {
      throw new IllegalArgumentException(
          "Cannot use " + value.toPlainString() + " as a decimal literal: it needs " + precision
              + " digits, more than the " + DecimalType.MAX_PRECISION + " a Delta decimal holds.");
    }
    return new DecimalType(precision, exact.scale());
  }
}
