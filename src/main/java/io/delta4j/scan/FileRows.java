package io.delta4j.scan;

import io.delta4j.DeltaErrors;
import io.delta4j.Row;
import io.delta4j.data.ParquetRowReader;
import io.delta4j.data.RowBatch;
import io.delta4j.data.dv.DeletedRows;
import io.delta4j.data.dv.DeletionVectors;
import io.delta4j.expr.BoundPredicate;
import io.delta4j.expr.FileMatch;
import io.delta4j.log.action.AddFile;
import io.delta4j.storage.Locations;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.PartitionValues;
import io.delta4j.types.StructField;
import io.delta4j.util.LookaheadIterator;
import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The rows of one data file as a scan returns them: deleted rows (deletion vector) dropped, or,
 * for a change data feed, only the selected rows kept; partition values joined in, the filter
 * applied unless the file's statistics prove every row matches, and the columns only the filter
 * needed hidden. {@link #rowIndex()} tells where in the file the row just returned is.
 */
final class FileRows extends LookaheadIterator<Row> {
  private final RowLayout layout;
  private final RowLayout output;
  private final Object[] partitions;
  private final RowSelection selection;
  private final BoundPredicate filter; // null when every row matches
  private final ParquetRowReader reader;
  private RowBatch batch;
  private int position;
  private long rowIndex = -1;

  FileRows(ScanContext context, AddFile file, FileMatch match) {
    this(context, "add", file.path(), file.partitionValues(), OptionalLong.of(file.size()),
        RowSelection.without(deletedRows(context.storage(), context.root(), context.table(), file)), match);
  }

  /**
   * The rows of a data file named by any file action.
   *
   * @param action the action that names the file ({@code add}, {@code remove}, {@code cdc}), for errors
   * @param path the file's path as the action writes it
   * @param size the file's size when the action records it
   */
  FileRows(
      ScanContext context, String action, String path, Map<String, String> partitionValues, OptionalLong size,
      RowSelection selection, FileMatch match) {
    this.layout = context.layout();
    this.output = context.output();
    this.partitions = partitionValues(context, action, path, partitionValues);
    this.selection = selection;
    this.filter = match == FileMatch.ALL ? null : context.filter();
    this.reader = ParquetRowReader.open(
        context.storage(), Locations.resolve(context.root(), path), size,
        layout.dataSchema(), context.mode(), context.table(), path);
  }

  /** The rows the deletion vector of {@code file} deletes; none without one. */
  static DeletedRows deletedRows(StorageBackend storage, URI root, String table, AddFile file) {
    return file.deletionVector()
        .map(dv -> DeletionVectors.load(storage, root, dv, table, file.path()))
        .orElse(DeletedRows.none());
  }

  private static Object[] partitionValues(
      ScanContext context, String action, String path, Map<String, String> partitionValues) {
    Object[] values = new Object[context.layout().schema().length()];
    for (int i = 0; i < values.length; i++) {
      if (!context.layout().isPartition(i)) {
        continue;
      }
      StructField field = context.layout().schema().fields().get(i);
      String key = context.mode() == ColumnMappingMode.NONE ? field.name() : field.physicalName();
      if (!partitionValues.containsKey(key)) {
        throw DeltaErrors.missingPartitionValue(context.table(), path, key, action);
      }
      try {
        values[i] = PartitionValues.parse(partitionValues.get(key), field.type());
      } catch (IllegalArgumentException e) {
        throw DeltaErrors.badPartitionValue(context.table(), path, key, e.getMessage(), e);
      }
    }
    return values;
  }

  @Override
  protected Row advance() {
    while (true) {
      if (batch == null || position >= batch.size()) {
        if (!reader.hasNext()) {
          return null;
        }
        batch = reader.next();
        position = 0;
        continue;
      }
      int i = position++;
      if (!selection.keepsAll() && !selection.keeps(batch.rowIndex(i))) {
        continue;
      }
      Row row = new ScanRow(layout, batch.row(i), partitions);
      if (filter != null && !filter.test(row)) {
        continue;
      }
      rowIndex = batch.rowIndex(i);
      return output == layout ? row : new ScanRow(output, batch.row(i), partitions);
    }
  }

  /**
   * The row index (0-based position in the file, as deletion vectors count) of the row the last
   * {@link #next()} returned; valid until the following {@link #hasNext()}, which reads ahead.
   */
  long rowIndex() {
    return rowIndex;
  }

  @Override
  public void close() {
    reader.close();
  }
}
