package io.delta4j.data;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An array value as an unmodifiable {@link java.util.List} over its slice of the element vector.
 * A view rather than a copy: building it costs nothing, and elements are boxed only when read.
 */
final class VectorList extends AbstractList<Object> implements RandomAccess {
  private final ColumnVector elements;
  private final int from;
  private final int to;

  VectorList(ColumnVector elements, int from, int to) {
    this.elements = elements;
    this.from = from;
    this.to = to;
  }

  @Override
  public Object get(int index) {
    if (index < 0 || index >= to - from) {
      throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + (to - from));
    }
    return elements.get(from + index);
  }

  @Override
  public int size() {
    return to - from;
  }
}
