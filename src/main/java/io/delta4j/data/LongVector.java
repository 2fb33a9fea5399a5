package io.delta4j.data;

import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * 64-bit values: {@code long}; {@code timestamp} and {@code timestamp_ntz} as microseconds since
 * the epoch (the protocol's unit, whatever the file's encoding); and decimals of precision up to
 * 18 as their unscaled value, so that reading them allocates nothing until a value is asked for.
 */
final class LongVector extends ColumnVector {
  /** The largest decimal precision whose unscaled values always fit a long. */
  static final int MAX_LONG_DECIMAL_PRECISION = 18;

  private final PrimitiveType kind; // null for a decimal
  private final int scale;
  private long[] values;

  LongVector(DataType type, int capacity) {
    super(type, capacity);
    if (type instanceof DecimalType decimal && decimal.precision() <= MAX_LONG_DECIMAL_PRECISION) {
      this.kind = null;
      this.scale = decimal.scale();
    } else if (type == PrimitiveType.LONG || type == PrimitiveType.TIMESTAMP || type == PrimitiveType.TIMESTAMP_NTZ) {
      this.kind = (PrimitiveType) type;
      this.scale = 0;
    } else {
      throw new IllegalArgumentException("not a 64-bit type: " + type);
    }
    this.values = new long[Math.max(capacity, 1)];
  }

  void append(long value) {
    int i = slot();
    values[i] = value;
    advance(i);
  }

  long getLong(int i) {
    return values[i];
  }

  BigDecimal getDecimal(int i) {
    return BigDecimal.valueOf(values[i], scale);
  }

  @Override
  Object get(int i) {
    if (isNullAt(i)) {
      return null;
    }
    long v = values[i];
    if (kind == null) {
      return BigDecimal.valueOf(v, scale);
    }
    return switch (kind) {
      case TIMESTAMP -> Micros.toInstant(v);
      case TIMESTAMP_NTZ -> Micros.toLocalDateTime(v);
      default -> v;
    };
  }

  @Override
  void resize(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }
}
