package io.delta4j.data;

import io.delta4j.types.PrimitiveType;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * 32-bit values: {@code byte}, {@code short} and {@code integer} (the value itself; Parquet stores
 * all three as INT32) and {@code date} (days since 1970-01-01, as Parquet's DATE).
 */
final class IntVector extends ColumnVector {
  private final PrimitiveType kind;
  private int[] values;

  IntVector(PrimitiveType type, int capacity) {
    super(type, capacity);
    if (type != PrimitiveType.BYTE && type != PrimitiveType.SHORT && type != PrimitiveType.INTEGER
        && type != PrimitiveType.DATE) {
      throw new IllegalArgumentException("not a 32-bit type: " + type);
    }
    this.kind = type;
    this.values = new int[Math.max(capacity, 1)];
  }

  void append(int value) {
    int i = slot();
    values[i] = value;
    advance(i);
  }

  int getInt(int i) {
    return values[i];
  }

  @Override
  Object get(int i) {
    if (isNullAt(i)) {
      return null;
    }
    int v = values[i];
    return switch (kind) {
      case BYTE -> (byte) v;
      case SHORT -> (short) v;
      case DATE -> LocalDate.ofEpochDay(v);
      default -> v;
    };
  }

  @Override
  void resize(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }
}
