package io.delta4j.data;

import io.delta4j.types.ArrayType;
import java.util.Arrays;

/**
 * An array: the elements of all lists in one element vector, and offsets into it; list {@code i}
 * holds elements {@code offsets[i]} (inclusive) to {@code offsets[i + 1]} (exclusive). A null list
 * and an empty list both span no elements and differ only in the null mask.
 *
 * <p>For a bare repeated field (a list without a LIST group around it, which Parquet's
 * compatibility rules read as a list of required elements) there is no record of the list itself,
 * so an absent list is an empty one: {@link #appendNull} then ends an entry instead.
 */
final class ListVector extends ColumnVector {
  private final ColumnVector elements;
  private final boolean bare;
  private int[] offsets;

  ListVector(ArrayType type, ColumnVector elements, boolean bare, int capacity) {
    super(type, capacity);
    this.elements = elements;
    this.bare = bare;
    this.offsets = new int[Math.max(capacity, 1) + 1];
  }

  ColumnVector elements() {
    return elements;
  }

  int start(int i) {
    return offsets[i];
  }

  int end(int i) {
    return offsets[i + 1];
  }

  /** Ends a non-null list made of the elements appended since the previous entry. */
  void appendPresent() {
    int i = slot();
    offsets[i + 1] = elements.size();
    advance(i);
  }

  @Override
  void appendNull() {
    if (bare) {
      appendPresent();
      return;
    }
    int i = slot();
    offsets[i + 1] = offsets[i];
    super.appendNull();
  }

  @Override
  Object get(int i) {
    return isNullAt(i) ? null : new VectorList(elements, offsets[i], offsets[i + 1]);
  }

  @Override
  void resize(int capacity) {
    offsets = Arrays.copyOf(offsets, capacity + 1);
  }
}
