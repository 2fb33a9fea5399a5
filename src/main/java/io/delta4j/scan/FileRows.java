package io.delta4j.scan;

import io.delta4j.CloseableIterator;
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
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/**
 * The rows of one data file as a scan returns them: deleted rows (deletion vector) dropped,
 * partition values joined in, the filter applied unless the file's statistics prove every row
 * matches, and the columns only the filter needed hidden.
 */
final class FileRows implements CloseableIterator<Row> {
  private final RowLayout layout;
  private final RowLayout output;
  private final Object[] partitions;
  private final DeletedRows deleted;
  private final BoundPredicate filter; // null when every row matches
  private final ParquetRowReader reader;
  private RowBatch batch;
  private int position;
  private Row next;

  FileRows(ScanContext context, AddFile file, FileMatch match) {
    this.layout = context.layout();
    this.output = context.output();
    this.partitions = partitionValues(context, file);
    this.deleted = file.deletionVector()
        .map(dv -> DeletionVectors.load(context.storage(), context.root(), dv, context.table(), file.path()))
        .orElse(DeletedRows.none());
    this.filter = match == FileMatch.ALL ? null : context.filter();
    this.reader = ParquetRowReader.open(
        context.storage(), Locations.resolve(context.root(), file.path()), OptionalLong.of(file.size()),
        layout.dataSchema(), context.mode(), context.table(), file.path());
  }

  private static Object[] partitionValues(ScanContext context, AddFile file) {
    Object[] values = new Object[context.layout().schema().length()];
    for (int i = 0; i < values.length; i++) {
      if (!context.layout().isPartition(i)) {
        continue;
      }
      StructField field = context.layout().schema().fields().get(i);
      String key = context.mode() == ColumnMappingMode.NONE ? field.name() : field.physicalName();
      if (!file.partitionValues().containsKey(key)) {
        throw DeltaErrors.missingPartitionValue(context.table(), file.path(), key);
      }
      try {
        values[i] = PartitionValues.parse(file.partitionValues().get(key), field.type());
      } catch (IllegalArgumentException e) {
        throw DeltaErrors.badPartitionValue(context.table(), file.path(), key, e.getMessage(), e);
      }
    }
    return values;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (batch == null || position >= batch.size()) {
        if (!reader.hasNext()) {
          return false;
        }
        batch = reader.next();
        position = 0;
        continue;
      }
      int i = position++;
      if (!deleted.isEmpty() && deleted.contains(batch.rowIndex(i))) {
        continue;
      }
      Row row = new ScanRow(layout, batch.row(i), partitions);
      if (filter != null && !filter.test(row)) {
        continue;
      }
      next = output == layout ? row : new ScanRow(output, batch.row(i), partitions);
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row out = next;
    next = null;
    return out;
  }

  @Override
  public void close() {
    reader.close();
  }
}
