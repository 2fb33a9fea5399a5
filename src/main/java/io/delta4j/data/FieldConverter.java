package io.delta4j.data;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.schema.Type;

/**
 * Reads one field of a struct. Binding to the file's type both checks that type and decides the
 * projection: what {@link #bind} returns is all that will be read of the field.
 */
interface FieldConverter {
  /**
   * Checks the file's type for this field and returns the part of it to read, or null to read
   * nothing of it.
   *
   * @param path the dotted column path, for error messages (for example {@code add.size})
   * @throws MalformedActionException when the type cannot hold this field
   */
  Type bind(String path, Type fileType);

  /** The Parquet converter of the bound field: usually this, the element converter of a bare repeated list. */
  Converter converter();

  /** Forgets the previous row: the field is absent (null) until Parquet delivers a value. */
  void reset();
}
