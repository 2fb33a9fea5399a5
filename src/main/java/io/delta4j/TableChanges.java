package io.delta4j;

import io.delta4j.cdf.ChangePlan;
import io.delta4j.cdf.ChangePlanner;
import io.delta4j.cdf.ChangeRange;
import io.delta4j.cdf.ChangeScan;
import io.delta4j.expr.Column;
import io.delta4j.expr.Predicate;
import io.delta4j.expr.Predicates;
import io.delta4j.log.LogFile;
import io.delta4j.log.LogSegmentBuilder;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.SchemaJson;
import io.delta4j.types.StructType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The change data feed of a range of versions ({@link DeltaTable#changes}): every row inserted,
 * deleted or updated by the commits from the start version to the end version, both included
 * (PROTOCOL.md, "Add CDC File", "Change Data Files"). Rows have the table's columns at the end
 * version, then {@value #CHANGE_TYPE} ({@value #INSERT}, {@value #DELETE},
 * {@value #UPDATE_PREIMAGE} or {@value #UPDATE_POSTIMAGE}), {@value #COMMIT_VERSION} and
 * {@value #COMMIT_TIMESTAMP}. Immutable: {@link #select} and {@link #filter} return new instances.
 *
 * <pre>{@code
 * try (CloseableIterator<Row> changes = table.changes(3, 7).rows()) {
 *   while (changes.hasNext()) {
 *     Row r = changes.next();
 *     String type = r.getString("_change_type"); long version = r.getLong("_commit_version"); ...
 *   }
 * }
 * }</pre>
 *
 * <p>Per version: when the commit has {@code cdc} actions, its rows are exactly those of its
 * change data files, with the change type they record. Otherwise every {@code add} is an insert of
 * its rows and every {@code remove} a delete of the rows its file had (its deletion vector
 * applied); files with {@code dataChange=false} (OPTIMIZE, statistics backfill) are no change. A
 * remove and an add of the same file in one commit are a deletion vector update: the rows the new
 * vector deletes and the old one did not are deletes, the rows the old one deleted and the new one
 * does not (a restore) are inserts, and nothing else changes. {@value #COMMIT_TIMESTAMP} is the
 * commit's in-commit timestamp where in-commit timestamps are enabled, else its commit file's
 * modification time: the version's {@link Snapshot#timestamp()}.
 *
 * <p>Every version's files are read with the end version's schema, as a scan reads them:
 * columns added later read as null, widened types come back widened, partition values are joined
 * in (from each version's own partition columns). Rows come in version order; within a version,
 * deletes before inserts for commits without change data files.
 *
 * <p>{@link DeltaTable#changes} reads the range's commits at once and checks them: every
 * protocol in the range must be readable, and a version that both removes and adds data files
 * without change data files must have been written with change data feed enabled; appends and
 * pure deletes are exact without it. The rows are then read file by file, one row group at a time.
 */
public final class TableChanges {
  /** The change type column: {@value #INSERT}, {@value #DELETE}, {@value #UPDATE_PREIMAGE} or {@value #UPDATE_POSTIMAGE}. */
  public static final String CHANGE_TYPE = "_change_type";
  /** The commit version column (long). */
  public static final String COMMIT_VERSION = "_commit_version";
  /** The commit timestamp column (timestamp). */
  public static final String COMMIT_TIMESTAMP = "_commit_timestamp";
  public static final String INSERT = "insert";
  public static final String DELETE = "delete";
  /** An updated row as it was before the update. */
  public static final String UPDATE_PREIMAGE = "update_preimage";
  /** An updated row as it is after the update. */
  public static final String UPDATE_POSTIMAGE = "update_postimage";

  private final String table;
  private final URI root;
  private final StorageBackend storage;
  private final ChangePlan plan;
  private final StructType tableSchema;
  private final ColumnMappingMode mode;
  private final List<List<String>> selected; // null: every column
  private final Predicate filter; // null: none
  private final ChangeScan scan;

  private TableChanges(
      String table, URI root, StorageBackend storage, ChangePlan plan, StructType tableSchema, ColumnMappingMode mode,
      List<List<String>> selected, Predicate filter) {
    this.table = table;
    this.root = root;
    this.storage = storage;
    this.plan = plan;
    this.tableSchema = tableSchema;
    this.mode = mode;
    this.selected = selected;
    this.filter = filter;
    this.scan = new ChangeScan(storage, root, table, tableSchema, mode, selected, filter);
  }

  /** Checks the range, reads its commits and plans the files; see {@link DeltaTable#changes}. */
  static TableChanges load(
      String table, URI root, StorageBackend storage, LogSegmentBuilder segments, long start, long end,
      LongFunction<Snapshot> snapshots) {
    List<LogFile> commits = ChangeRange.commits(table, segments, start, end);
    Snapshot first;
    try {
      first = snapshots.apply(start);
    } catch (UnsupportedTableFeatureException e) {
      throw ChangePlanner.unreadable(table, start, end, start, e);
    } catch (VersionNotFoundException e) {
      throw DeltaErrors.invalidChangeRange(table, start, end, e.earliestVersion(), e.latestVersion(),
          "the table state at version " + start + " cannot be reconstructed (" + withoutTable(table, e) + ")");
    }
    ChangePlan plan = ChangePlanner.plan(table, storage, root, commits, start, end, first.protocol(), first.metadata());
    String json = plan.endMetadata().schemaString();
    if (json.isEmpty()) {
      throw DeltaErrors.badSchema(table, end, "metaData.schemaString is missing", null);
    }
    StructType schema;
    try {
      schema = SchemaJson.parse(json);
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.badSchema(table, end, e.getMessage(), e);
    }
    ChangeScan.reservedColumn(schema).ifPresent(c -> {
      throw DeltaErrors.reservedChangeColumn(table, end, c);
    });
    ColumnMappingMode mode = ColumnMappingMode.fromProperties(plan.endMetadata().configuration());
    return new TableChanges(table, root, storage, plan, schema, mode, null, null);
  }

  private static String withoutTable(String table, DeltaException e) {
    String m = e.getMessage();
    return m.startsWith(table + ": ") ? m.substring(table.length() + 2) : m;
  }

  /** The first version of the range. */
  public long startVersion() {
    return plan.start();
  }

  /** The last version of the range (included). */
  public long endVersion() {
    return plan.end();
  }

  /** The schema of the rows returned: the selected columns, by default the end version's columns and the change columns. */
  public StructType schema() {
    return scan.schema();
  }

  /**
   * Changes returning only these columns, in this order: table columns (logical names; dots reach
   * into structs) and change columns.
   *
   * @throws IllegalArgumentException when a column does not exist
   */
  public TableChanges select(String... columns) {
    List<List<String>> paths = new ArrayList<>();
    for (String c : columns) {
      paths.add(Column.parse(Objects.requireNonNull(c, "column")).path());
    }
    return new TableChanges(table, root, storage, plan, tableSchema, mode, paths, filter);
  }

  /**
   * Changes returning only rows for which {@code predicate} is true (combined with AND). It may use
   * any column, change columns included ({@code _change_type = 'delete'}); its conditions on
   * partition columns also skip whole files.
   *
   * @throws IllegalArgumentException when the predicate does not bind to the columns
   */
  public TableChanges filter(Predicate predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return new TableChanges(table, root, storage, plan, tableSchema, mode, selected,
        filter == null ? predicate : Predicates.and(filter, predicate));
  }

  /** The changed rows, streamed in version order; close the iterator. */
  public CloseableIterator<Row> rows() {
    return scan.rows(plan.files());
  }

  /** The number of changed rows (that match the filter); reads only the columns the filter needs. */
  public long count() {
    ChangeScan counting = new ChangeScan(storage, root, table, tableSchema, mode, List.of(), filter);
    long n = 0;
    try (CloseableIterator<Row> rows = counting.rows(plan.files())) {
      while (rows.hasNext()) {
        rows.next();
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return table + " changes " + plan.start() + ".." + plan.end();
  }
}
