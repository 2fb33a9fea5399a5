package io.delta4j.data;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.Type;

/** A single primitive field: checks its type when bound and remembers its column path. */
abstract class ScalarConverter extends PrimitiveConverter implements FieldConverter {
  private String path = "?";

  /** Whether the file's type can hold this field. */
  abstract boolean accepts(Type type);

  /** What the field should be, for the error message. */
  abstract String expected();

  @Override
  public final Type bind(String path, Type fileType) {
    this.path = path;
    if (!accepts(fileType)) {
      throw SchemaChecks.wrongType(path, fileType, expected());
    }
    return fileType;
  }

  @Override
  public final Converter converter() {
    return this;
  }

  final String path() {
    return path;
  }
}
