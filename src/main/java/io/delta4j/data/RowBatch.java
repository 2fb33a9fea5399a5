package io.delta4j.data;

import io.delta4j.Row;
import io.delta4j.types.StructType;
import java.util.Objects;

/**
 * Up to {@link ParquetRowReader#BATCH_SIZE} consecutive rows of one row group of a data file,
 * stored column by column. A batch is never reused: its rows stay valid after the reader has
 * moved on, and may be read from other threads once handed over.
 *
 * <p>{@link #rowIndex} is the row's position in the whole file, counted from 0 across all row
 * groups, which is what deletion vectors are keyed by (PROTOCOL.md, "Deletion Vectors").
 */
public final class RowBatch {
  private final StructVector columns;
  private final long firstRowIndex;

  RowBatch(StructVector columns, long firstRowIndex) {
    this.columns = columns;
    this.firstRowIndex = firstRowIndex;
  }

  /** The read schema: logical names, the table's types. */
  public StructType schema() {
    return columns.schema();
  }

  public int size() {
    return columns.size();
  }

  /** Row {@code i} of this batch, a view that copies nothing. */
  public Row row(int i) {
    Objects.checkIndex(i, columns.size());
    return new VectorRow(columns, i);
  }

  /** The 0-based position of row {@code i} in the file. */
  public long rowIndex(int i) {
    Objects.checkIndex(i, columns.size());
    return firstRowIndex + i;
  }
}
