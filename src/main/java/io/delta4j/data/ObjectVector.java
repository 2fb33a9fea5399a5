package io.delta4j.data;

import io.delta4j.types.DataType;
import io.delta4j.types.PrimitiveType;
import java.util.Arrays;

/**
 * Values that are objects anyway: {@code string} ({@link String}), {@code binary} ({@code byte[]}),
 * decimals of precision above 18 ({@link java.math.BigDecimal}) and {@code variant}
 * ({@link io.delta4j.VariantValue}). All are immutable except {@code byte[]}, which is copied on
 * the way out so that a caller cannot change the batch under other readers of the same row.
 */
final class ObjectVector extends ColumnVector {
  private final boolean bytes;
  private Object[] values;

  ObjectVector(DataType type, int capacity) {
    super(type, capacity);
    this.bytes = type == PrimitiveType.BINARY;
    this.values = new Object[Math.max(capacity, 1)];
  }

  void append(Object value) {
    int i = slot();
    values[i] = value;
    advance(i);
  }

  @Override
  Object get(int i) {
    Object v = values[i];
    return bytes && v != null ? ((byte[]) v).clone() : v;
  }

  @Override
  void resize(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }
}
