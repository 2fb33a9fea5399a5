package io.delta4j.data;

import io.delta4j.types.PrimitiveType;
import java.util.Arrays;

/** {@code double} values. */
final class DoubleVector extends ColumnVector {
  private double[] values;

  DoubleVector(int capacity) {
    super(PrimitiveType.DOUBLE, capacity);
    values = new double[Math.max(capacity, 1)];
  }

  void append(double value) {
    int i = slot();
    values[i] = value;
    advance(i);
  }

  double getDouble(int i) {
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
