package io.delta4j.data;

import io.delta4j.types.PrimitiveType;
import java.util.Arrays;

/** {@code boolean} values. */
final class BooleanVector extends ColumnVector {
  private boolean[] values;

  BooleanVector(int capacity) {
    super(PrimitiveType.BOOLEAN, capacity);
    values = new boolean[Math.max(capacity, 1)];
  }

  void append(boolean value) {
    int i = slot();
    values[i] = value;
    advance(i);
  }

  boolean getBoolean(int i) {
    return values[i];
  }

  @Override
  Object get(int i) {
    return isNullAt(i) ? null : values[i];
  }

  @Override
  void resize(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }
}
