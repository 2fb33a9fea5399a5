package io.delta4j;

import io.delta4j.expr.Column;
import io.delta4j.expr.Predicate;
import io.delta4j.expr.Predicates;
import io.delta4j.log.action.AddFile;
import io.delta4j.scan.ScanPlan;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A read of a snapshot's data: which columns, which rows. Immutable: {@link #select} and
 * {@link #filter} return new scans.
 *
 * <pre>{@code
 * try (CloseableIterator<Row> rows = snapshot.scan()
 *     .select("id", "name", "address.city")
 *     .filter(Predicates.and(Predicates.equal("date", LocalDate.of(2024, 5, 1)), Predicates.greaterThan("id", 100L)))
 *     .rows()) { ... }
 * }</pre>
 *
 * <p>The filter prunes partitions, skips files by their statistics, and filters rows, so the
 * rows returned are exactly the matching ones. Deleted rows (deletion vectors) never appear.
 * Selecting a nested field ({@code address.city}) returns its struct pruned to the selected
 * fields. Rows stream one row group at a time.
 */
public final class Scan {
  private final Snapshot snapshot;
  private final List<List<String>> selected; // null: every column
  private final Predicate filter; // null: none

  Scan(Snapshot snapshot, List<List<String>> selected, Predicate filter) {
    this.snapshot = snapshot;
    this.selected = selected;
    this.filter = filter;
  }

  /** A scan returning only these columns (logical names; dots reach into structs). */
  public Scan select(String... columns) {
    List<List<String>> paths = new ArrayList<>();
    for (String c : columns) {
      paths.add(Column.parse(Objects.requireNonNull(c, "column")).path());
    }
    return new Scan(snapshot, paths, filter);
  }

  /** A scan returning only rows for which {@code predicate} is true (combined with AND). */
  public Scan filter(Predicate predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return new Scan(snapshot, selected, filter == null ? predicate : Predicates.and(filter, predicate));
  }

  /** The schema of the rows this scan returns. */
  public StructType schema() {
    return plan(selected).schema();
  }

  /** The data files that may hold matching rows, after partition pruning and statistics skipping. */
  public List<ScanFile> files() {
    List<ScanFile> out = new ArrayList<>();
    try (CloseableIterator<AddFile> files = plan(selected).files()) {
      files.forEachRemaining(f -> out.add(new ScanFile(snapshot.root(), f)));
    }
    return out;
  }

  /** The matching rows, streamed; close the iterator. */
  public CloseableIterator<Row> rows() {
    return plan(selected).rows();
  }

  /** The number of matching rows; reads only the columns the filter needs. */
  public long count() {
    long n = 0;
    try (CloseableIterator<Row> rows = plan(List.of()).rows()) {
      while (rows.hasNext()) {
        rows.next();
        n++;
      }
    }
    return n;
  }

  private ScanPlan plan(List<List<String>> columns) {
    StructType schema = snapshot.schema();
    return new ScanPlan(
        snapshot.storage(), snapshot.root(), snapshot.table(), schema, snapshot.partitionColumns(),
        ColumnMappingMode.fromProperties(snapshot.properties()), columns, filter, snapshot::addFiles);
  }
}
