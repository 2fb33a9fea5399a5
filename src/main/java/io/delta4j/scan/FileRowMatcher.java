package io.delta4j.scan;

import io.delta4j.CloseableIterator;
import io.delta4j.Row;
import io.delta4j.data.dv.DeletedRows;
import io.delta4j.data.dv.DeletedRowsBuilder;
import io.delta4j.expr.BoundColumn;
import io.delta4j.expr.BoundPredicate;
import io.delta4j.expr.FileFilter;
import io.delta4j.expr.FileMatch;
import io.delta4j.expr.Predicate;
import io.delta4j.log.action.AddFile;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.StructType;
import java.net.URI;
import java.util.Collections;
import java.util.List;

/**
 * Internal: the rows of one data file that a predicate matches, as a DELETE needs them. {@link
 * #match} says which live rows match, by row index, so that the delete can keep the file (none),
 * remove it (all), or delete the matches with a deletion vector ({@link RowMatches#deletedAfter}).
 * {@link #remainingRows} returns the rows that stay, for a delete that rewrites the file instead.
 *
 * <p>Rows are read the way a scan reads them (deleted rows skipped, partition values joined in) and
 * matched with SQL's three-valued logic: a row matches only when the predicate is true, so that
 * {@code matched} and the rows a scan with the predicate returns are the same rows. Statistics
 * never stand in for the rows: a file that {@link #mightMatch} is read and each row tested, since a
 * delete must not rest on bounds it cannot check.
 *
 * <p>Immutable and safe to share between threads; each call opens the file on its own.
 */
public final class FileRowMatcher {
  private final StorageBackend storage;
  private final URI root;
  private final String table;
  private final FileFilter filter;
  private final BoundPredicate predicate;
  private final ScanPlan matchPlan; // reads only the columns the predicate needs
  private final ScanPlan rowsPlan; // reads every column

  /**
   * A matcher for one table (same arguments as a scan of it) and predicate.
   *
   * @param tableSchema the table schema, logical names
   * @param partitionColumns the partition columns, as the metadata lists them
   * @throws IllegalArgumentException when the predicate does not bind to the schema
   */
  public FileRowMatcher(
      StorageBackend storage, URI root, String table, StructType tableSchema, List<String> partitionColumns,
      ColumnMappingMode mode, Predicate predicate) {
    this.storage = storage;
    this.root = root;
    this.table = table;
    this.filter = FileFilter.create(predicate, tableSchema, partitionColumns, mode);
    this.predicate = filter.predicate();
    List<List<String>> columns = this.predicate.columns().stream().map(BoundColumn::logicalPath).toList();
    this.matchPlan = plan(storage, root, table, tableSchema, partitionColumns, mode, columns);
    this.rowsPlan = plan(storage, root, table, tableSchema, partitionColumns, mode, null);
  }

  private static ScanPlan plan(
      StorageBackend storage, URI root, String table, StructType tableSchema, List<String> partitionColumns,
      ColumnMappingMode mode, List<List<String>> columns) {
    return new ScanPlan(storage, root, table, tableSchema, partitionColumns, mode, columns, null /* filter */,
        () -> CloseableIterator.of(Collections.emptyIterator()) /* files are given one at a time */);
  }

  /** The predicate, bound to the table schema. */
  public BoundPredicate predicate() {
    return predicate;
  }

  /**
   * False only when the file's partition values or statistics prove that no row matches: such a
   * file need not be read. Call it first; {@link #match} reads every file it is given.
   */
  public boolean mightMatch(AddFile file) {
    return filter.match(file) != FileMatch.NONE;
  }

  /**
   * Reads the predicate's columns of {@code file} and tests each live row.
   *
   * @throws io.delta4j.DeltaException when the file or its deletion vector cannot be read
   */
  public RowMatches match(AddFile file) {
    DeletedRows deleted = FileRows.deletedRows(storage, root, table, file);
    DeletedRowsBuilder matched = new DeletedRowsBuilder();
    long live = 0;
    try (FileRows rows = matchPlan.fileRows(file, RowSelection.without(deleted))) {
      while (rows.hasNext()) {
        Row row = rows.next();
        live++;
        if (predicate.test(row)) {
          matched.add(rows.rowIndex());
        }
      }
    }
    return new RowMatches(deleted, matched.build(), live);
  }

  /**
   * The rows of {@code file} that stay after its matches are deleted: live and not matched, in file
   * order, with every column of the table (partition columns included) in schema order. These
   * are the rows a copy-on-write delete writes to the file that replaces it. Close the iterator.
   *
   * @param matches what {@link #match} returned for this file
   */
  public CloseableIterator<Row> remainingRows(AddFile file, RowMatches matches) {
    return rowsPlan.fileRows(file, RowSelection.without(matches.deletedAfter()));
  }

  /**
   * The rows of {@code file} that {@link #match} matched, with every column of the table, in file
   * order: what a delete records in the change data feed. Close the iterator.
   */
  public CloseableIterator<Row> matchedRows(AddFile file, RowMatches matches) {
    return rowsPlan.fileRows(file, RowSelection.difference(matches.matched(), matches.deleted()));
  }

  /** The live rows of {@code file} (its deletion vector applied), with every column of the table. Close the iterator. */
  public CloseableIterator<Row> liveRows(AddFile file) {
    return rowsPlan.fileRows(file, RowSelection.without(FileRows.deletedRows(storage, root, table, file)));
  }
}
