package io.delta4j.data;

import io.delta4j.types.DataType;
import java.util.Arrays;

/**
 * The values of one column, or one nested field, for the rows of one batch: unboxed where the type
 * allows, with a null mask. Fillers append to a vector while Parquet assembles records; once its
 * batch is handed out nothing writes to it again, which is why rows read from it stay valid after
 * the reader moves on (each batch gets new vectors rather than reusing old ones).
 *
 * <p>Vectors of the same struct always have the same length: a null struct appends a null to each
 * of its fields, so a field's value for struct position {@code i} is at position {@code i}.
 */
abstract class ColumnVector {
  private final DataType type;
  private boolean[] nulls;
  private int size;

  ColumnVector(DataType type, int capacity) {
    this.type = type;
    this.nulls = new boolean[Math.max(capacity, 1)];
  }

  /** The Delta type of the values (the table's type, after any widening). */
  final DataType type() {
    return type;
  }

  final int size() {
    return size;
  }

  final boolean isNullAt(int i) {
    return nulls[i];
  }

  /** The value at {@code i} as the Java type {@link io.delta4j.Row} lists for this column's type, or null. */
  abstract Object get(int i);

  /** Appends a null value. */
  void appendNull() {
    int i = slot();
    nulls[i] = true;
    size = i + 1;
  }

  /**
   * The position the next value goes to, growing the storage when full. Subclasses store the value
   * there, then call {@link #advance}.
   */
  final int slot() {
    if (size == nulls.length) {
      int capacity = nulls.length * 2;
      nulls = Arrays.copyOf(nulls, capacity);
      resize(capacity);
    }
    return size;
  }

  /** Marks the value at {@link #slot()} as written (and non-null). */
  final void advance(int slot) {
    size = slot + 1;
  }

  /** Grows the value storage to {@code capacity}; the null mask is grown by this class. */
  abstract void resize(int capacity);
}
