package io.delta4j.expr;

import io.delta4j.types.ColumnMappingMode;
import io.delta4j.Snapshot;
import io.delta4j.log.action.AddFile;
import io.delta4j.types.PartitionValues;
import io.delta4j.types.StructType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides from an {@code add} action alone whether a file can hold rows a predicate keeps:
 * partition pruning on {@code partitionValues} and data skipping on {@code stats}, in one
 * evaluation, so that {@code part = 1 OR id > 5} prunes as well as either half does. It is
 * conservative: a file is dropped only on proof, so missing, partial or truncated statistics, and
 * columns that are neither partition columns nor in the statistics, keep it. Rows of kept files
 * still need {@link BoundPredicate#test} unless {@link #match} said {@link FileMatch#ALL}.
 *
 * <p>Partition values and statistics are keyed by physical names under column mapping (PROTOCOL.md,
 * "Column Mapping"), which the bound columns carry. The statistics JSON is parsed only when the
 * partition values did not already decide, and then only for the predicate's columns. Immutable
 * and safe to share between threads.
 */
public final class FileFilter {
  private final BoundPredicate predicate;
  /** Per bound column: its key in partitionValues, or null for a data column. */
  private final String[] partitionKeys;
  private final boolean hasDataColumns;
  private final StatsParser statsParser;

  private FileFilter(BoundPredicate predicate, List<String> partitionColumns) {
    this.predicate = predicate;
    List<BoundColumn> columns = predicate.columns();
    this.partitionKeys = new String[columns.size()];
    boolean data = false;
    for (int i = 0; i < columns.size(); i++) {
      BoundColumn column = columns.get(i);
      if (column.isTopLevel() && containsIgnoreCase(partitionColumns, column.logicalPath().get(0))) {
        partitionKeys[i] = column.physicalPath().get(0);
      } else {
        data = true;
      }
    }
    this.hasDataColumns = data;
    this.statsParser = new StatsParser(columns);
  }

  /**
   * A filter for a table with this schema (logical names), these partition columns (as the
   * metadata lists them) and column mapping mode.
   *
   * @throws IllegalArgumentException when the predicate does not bind to the schema
   */
  public static FileFilter create(
      Predicate predicate, StructType schema, List<String> partitionColumns, ColumnMappingMode mode) {
    return new FileFilter(predicate.bind(schema, mode), partitionColumns);
  }

  /** A filter for the snapshot's schema, partition columns and column mapping mode. */
  public static FileFilter forSnapshot(Snapshot snapshot, Predicate predicate) {
    return create(
        predicate,
        snapshot.schema(),
        snapshot.partitionColumns(),
        ColumnMappingMode.fromProperties(snapshot.properties()));
  }

  /** The predicate, bound: use it to filter the rows of the files kept. */
  public BoundPredicate predicate() {
    return predicate;
  }

  /** False only when no row of the file can satisfy the predicate. */
  public boolean mightMatch(AddFile file) {
    return match(file) != FileMatch.NONE;
  }

  public FileMatch match(AddFile file) {
    return match(file.partitionValues(), file.stats());
  }

  /** As {@link #match(AddFile)}, from an action's partition values (physical keys) and statistics JSON. */
  public FileMatch match(Map<String, String> partitionValues, Optional<String> stats) {
    Object[] partition = new Object[partitionKeys.length];
    boolean[] known = new boolean[partitionKeys.length];
    for (int i = 0; i < partitionKeys.length; i++) {
      if (partitionKeys[i] != null) {
        known[i] = partitionValue(partitionValues, i, partition);
      }
    }
    int outcomes = evaluate(partition, known, null);
    // Statistics can only narrow what the partition values left open.
    if (hasDataColumns && Outcomes.mayBeTrue(outcomes) && outcomes != Outcomes.TRUE) {
      FileStats fileStats = stats.map(statsParser::parse).orElseGet(() -> FileStats.none(partitionKeys.length));
      if (fileStats.numRecords == 0) {
        return FileMatch.NONE; // an empty file has no row to keep
      }
      outcomes = evaluate(partition, known, fileStats);
    }
    if (!Outcomes.mayBeTrue(outcomes)) {
      return FileMatch.NONE;
    }
    return outcomes == Outcomes.TRUE ? FileMatch.ALL : FileMatch.SOME;
  }

  /** Parses the partition value of column {@code i} into {@code values}; false when it is missing or invalid. */
  private boolean partitionValue(Map<String, String> partitionValues, int i, Object[] values) {
    String key = partitionKeys[i];
    if (!partitionValues.containsKey(key)) {
      key = findIgnoreCase(partitionValues, key);
      if (key == null) {
        return false; // writers must record every partition column; without it, nothing is proven
      }
    }
    try {
      values[i] = PartitionValues.parse(partitionValues.get(key), predicate.columns().get(i).type());
      return true;
    } catch (IllegalArgumentException e) {
      return false; // the scan reports an unreadable value when it materialises the column
    }
  }

  /** With {@code stats} null, data columns are unknown. */
  private int evaluate(Object[] partition, boolean[] known, FileStats stats) {
    List<BoundColumn> columns = predicate.columns();
    ColumnBounds[] bounds = new ColumnBounds[columns.size()];
    for (int i = 0; i < bounds.length; i++) {
      if (partitionKeys[i] == null) {
        bounds[i] = stats == null ? ColumnBounds.UNKNOWN : ColumnBounds.of(columns.get(i), stats, i);
      } else if (!known[i]) {
        bounds[i] = ColumnBounds.UNKNOWN;
      }
    }
    return Evaluator.eval(predicate.root(), new Evaluator.Leaves() {
      @Override
      public int compare(BoundNode.Compare leaf) {
        int c = leaf.column();
        return bounds[c] == null
            ? ExactLeaves.compare(partition[c], leaf.operator(), leaf.value())
            : BoundsLeaves.compare(bounds[c], leaf.operator(), leaf.value());
      }

      @Override
      public int in(BoundNode.InList leaf) {
        int c = leaf.column();
        return bounds[c] == null
            ? ExactLeaves.in(partition[c], leaf.values())
            : BoundsLeaves.in(bounds[c], leaf.values());
      }

      @Override
      public int nullTest(BoundNode.NullTest leaf) {
        int c = leaf.column();
        return bounds[c] == null
            ? ExactLeaves.nullTest(partition[c], leaf.wantNull())
            : BoundsLeaves.nullTest(bounds[c], leaf.wantNull());
      }
    });
  }

  private static boolean containsIgnoreCase(List<String> names, String name) {
    for (String candidate : names) {
      if (candidate.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static String findIgnoreCase(Map<String, String> map, String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String candidate : map.keySet()) {
      if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
        return candidate;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "FileFilter[" + predicate + "]";
  }
}
