package io.delta4j.data;

import io.delta4j.types.StructType;

/**
 * A struct: one vector per field, all as long as this one. A batch's rows are a struct vector
 * without nulls. A null struct appends a null to every field, which keeps the positions aligned,
 * and lets "a null struct" and "a struct whose fields are all null" differ only in this mask.
 */
final class StructVector extends ColumnVector {
  private final ColumnVector[] fields;

  StructVector(StructType type, ColumnVector[] fields, int capacity) {
    super(type, capacity);
    this.fields = fields;
  }

  StructType schema() {
    return (StructType) type();
  }

  ColumnVector field(int ordinal) {
    return fields[ordinal];
  }

  int fieldCount() {
    return fields.length;
  }

  /** Appends a non-null struct whose fields have already been appended. */
  void appendPresent() {
    advance(slot());
  }

  @Override
  void appendNull() {
    for (ColumnVector field : fields) {
      field.appendNull();
    }
    super.appendNull();
  }

  @Override
  Object get(int i) {
    return isNullAt(i) ? null : new VectorRow(this, i);
  }

  @Override
  void resize(int capacity) {}
}
