package io.delta4j.data;

import io.delta4j.types.DataType;
import org.apache.parquet.io.api.Converter;

/**
 * A field that is not read from the file: missing from it, or of type {@code void}. Its vector
 * receives a null for every value of the enclosing group.
 */
final class NullFiller implements VectorFiller {
  private final DataType type;

  NullFiller(DataType type) {
    this.type = type;
  }

  @Override
  public Converter converter() {
    return null;
  }

  @Override
  public ColumnVector newVector(int capacity) {
    return new NullVector(type, capacity);
  }
}
