package io.delta4j.data;

import io.delta4j.types.DataType;

/**
 * A field that holds only nulls: a column of the read schema that the file does not have (older
 * files, before the column was added: PROTOCOL.md, "Consistency Between Table Metadata and Data
 * Files"), or a {@code void} column, which is never stored.
 */
final class NullVector extends ColumnVector {
  NullVector(DataType type, int capacity) {
    super(type, capacity);
  }

  @Override
  Object get(int i) {
    return null;
  }

  @Override
  void resize(int capacity) {}
}
