package io.delta4j.data;

import org.apache.parquet.io.api.Converter;

/**
 * Fills the vector of one field of the read schema while Parquet assembles records: Parquet calls
 * the {@link #converter()} with the field's values, which the filler appends to its current vector.
 * A field Parquet says nothing about in a record is absent; the enclosing group (struct, list
 * element, map entry, row) then appends a null, once it has seen the whole value.
 */
interface VectorFiller {
  /** The Parquet converter for the field, or null when nothing of it is read from the file. */
  Converter converter();

  /**
   * Starts a batch: a new, empty vector of the field's Delta type, which this filler appends to
   * until the next call. Vectors are never reused, so earlier batches stay valid.
   *
   * @param capacity the expected number of values (the batch size); nested vectors grow as needed
   */
  ColumnVector newVector(int capacity);
}
