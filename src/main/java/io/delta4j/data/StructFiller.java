package io.delta4j.data;

import io.delta4j.types.StructType;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;

/**
 * A struct, or the row itself (the root of the converter tree). Parquet starts and ends the group
 * once per non-null struct value and delivers the fields it has; at the end, each field that got
 * no value (null in the file, or not in the file at all) gets a null, so that all field vectors
 * stay as long as the struct's.
 */
final class StructFiller extends GroupConverter implements VectorFiller {
  private final StructType type;
  private final VectorFiller[] fields;
  private final Converter[] converters;
  private StructVector vector;
  private ColumnVector[] fieldVectors;

  /**
   * @param fields one filler per field of {@code type}, in order
   * @param converters the converters of the fields read from the file, in the order of the
   *     projected Parquet group (which may hold a presence probe besides the fields)
   */
  StructFiller(StructType type, VectorFiller[] fields, Converter[] converters) {
    this.type = type;
    this.fields = fields;
    this.converters = converters;
  }

  @Override
  public Converter converter() {
    return this;
  }

  @Override
  public StructVector newVector(int capacity) {
    fieldVectors = new ColumnVector[fields.length];
    for (int i = 0; i < fields.length; i++) {
      fieldVectors[i] = fields[i].newVector(capacity);
    }
    return vector = new StructVector(type, fieldVectors, capacity);
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return converters[fieldIndex];
  }

  @Override
  public void start() {}

  @Override
  public void end() {
    int index = vector.size();
    for (ColumnVector field : fieldVectors) {
      if (field.size() == index) {
        field.appendNull();
      }
    }
    vector.appendPresent();
  }
}
