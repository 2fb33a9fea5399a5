package io.delta4j.data;

import io.delta4j.types.PrimitiveType;
import java.util.Arrays;

/** {@code float} values. */
final class FloatVector extends ColumnVector {
  private float[] values;

  FloatVector(int capacity) {
    super(PrimitiveType.FLOAT, capacity);
    values = new float[Math.max(capacity, 1)];
  }

  void append(float value) {
    int i = slot();
    values[i] = value;
    advance(i);
  }

  float getFloat(int i) {
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
