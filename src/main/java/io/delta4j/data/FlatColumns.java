package io.delta4j.data;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;

/**
 * The top-level primitive columns of a read, decoded column by column rather than through record
 * assembly: most Delta tables are mostly flat columns, and a tight loop over one column's
 * definition levels and values costs about a third less than assembling records field by field.
 * The values still go through the columns' fillers, so dictionaries, widening and null handling
 * are the same as for nested columns.
 */
final class FlatColumns {
  private final MessageType schema;
  private final int[] ordinals;
  private final Converter[] converters;
  private final int[] maxDefinitionLevels;
  private ColumnReader[] readers = new ColumnReader[0];

  /**
   * @param schema the flat columns as projected from the file
   * @param ordinals each column's position in the read schema
   * @param fillers the read schema's fillers, by position
   */
  FlatColumns(MessageType schema, int[] ordinals, VectorFiller[] fillers) {
    this.schema = schema;
    this.ordinals = ordinals;
    this.converters = new Converter[ordinals.length];
    this.maxDefinitionLevels = new int[ordinals.length];
    for (int k = 0; k < ordinals.length; k++) {
      converters[k] = fillers[ordinals[k]].converter();
      maxDefinitionLevels[k] = schema.getColumns().get(k).getMaxDefinitionLevel();
    }
  }

  /** Starts a row group: one column reader per flat column, feeding the column's filler. */
  void startRowGroup(PageReadStore pages, String createdBy) {
    if (ordinals.length == 0) {
      return;
    }
    GroupConverter root = new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        return converters[fieldIndex];
      }

      @Override
      public void start() {}

      @Override
      public void end() {}
    };
    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, root, schema, createdBy);
    readers = new ColumnReader[ordinals.length];
    for (int k = 0; k < readers.length; k++) {
      ColumnDescriptor column = schema.getColumns().get(k);
      readers[k] = store.getColumnReader(column);
    }
  }

  /** Reads the next {@code rows} values of every flat column into the batch's vectors. */
  void read(StructVector batch, int rows) {
    for (int k = 0; k < readers.length; k++) {
      ColumnReader reader = readers[k];
      ColumnVector vector = batch.field(ordinals[k]);
      int present = maxDefinitionLevels[k];
      for (int i = 0; i < rows; i++) {
        if (reader.getCurrentDefinitionLevel() == present) {
          reader.writeCurrentValueToConverter();
        } else {
          vector.appendNull();
        }
        reader.consume();
      }
    }
  }
}
