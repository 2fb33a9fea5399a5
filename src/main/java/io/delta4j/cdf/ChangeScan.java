package io.delta4j.cdf;

import io.delta4j.CloseableIterator;
import io.delta4j.Row;
import io.delta4j.TableChanges;
import io.delta4j.data.dv.DeletedRows;
import io.delta4j.data.dv.DeletionVectors;
import io.delta4j.expr.BoundColumn;
import io.delta4j.expr.BoundPredicate;
import io.delta4j.expr.FileFilter;
import io.delta4j.expr.FileMatch;
import io.delta4j.expr.Predicate;
import io.delta4j.expr.Predicates;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.scan.RowSelection;
import io.delta4j.scan.ScanPlan;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a change data feed's files are read: which table columns (the selected ones and those the
 * filter needs), in which output order among the change columns, and which files the filter rules
 * out by their partition values. Data files are read as scans read them ({@link ScanPlan}):
 * partition values joined in, column mapping, type widening, missing columns as null; a
 * {@code cdc} file is read with its {@code _change_type} column as one more data column. Immutable.
 */
public final class ChangeScan {
  /** The change columns, appended to the table's columns in this order. */
  public static final List<StructField> CHANGE_FIELDS = List.of(
      new StructField(TableChanges.CHANGE_TYPE, PrimitiveType.STRING, false),
      new StructField(TableChanges.COMMIT_VERSION, PrimitiveType.LONG, false),
      new StructField(TableChanges.COMMIT_TIMESTAMP, PrimitiveType.TIMESTAMP, false));
  private static final int[] CHANGE_SOURCES = {ChangeRow.CHANGE_TYPE, ChangeRow.COMMIT_VERSION, ChangeRow.COMMIT_TIMESTAMP};
  private static final StructField CDC_CHANGE_TYPE = new StructField(TableChanges.CHANGE_TYPE, PrimitiveType.STRING, true);

  private final StorageBackend storage;
  private final URI root;
  private final String table;
  private final StructType tableSchema;
  private final ColumnMappingMode mode;
  private final List<List<String>> readPaths; // table columns read from each file
  private final StructType full; // the read table columns, then every change column
  private final int[] fullSources;
  private final StructType output;
  private final int[] outputSources;
  private final BoundPredicate filter; // on `full`; null for none
  private final Predicate pushable; // the filter's conjuncts on table columns only; null for none
  private final int changeTypeOrdinal; // of _change_type in a cdc file's rows
  private final Map<List<String>, Plans> plans = new ConcurrentHashMap<>();

  private record Plans(ScanPlan data, ScanPlan cdc, FileFilter prune) {}

  /**
   * @param tableSchema the end version's schema, which must not use a change column's name
   * @param selected column paths to return (table columns, nested ones dotted apart, or change
   *     columns), or null for every column
   * @param filter the row filter on any of those columns, or null
   * @throws IllegalArgumentException when a selected column does not exist or the filter does not bind
   */
  public ChangeScan(
      StorageBackend storage, URI root, String table, StructType tableSchema, ColumnMappingMode mode,
      List<List<String>> selected, Predicate filter) {
    this.storage = storage;
    this.root = root;
    this.table = table;
    this.tableSchema = tableSchema;
    this.mode = mode;
    StructType changes = changesSchema(tableSchema);

    // Output columns by top-level name, in the order first selected; table paths to read.
    LinkedHashMap<String, Integer> outputs = new LinkedHashMap<>(); // name -> change source, or 0 for a table column
    List<List<String>> paths = new ArrayList<>();
    if (selected == null) {
      for (StructField f : tableSchema.fields()) {
        outputs.put(f.name(), 0);
        paths.add(List.of(f.name()));
      }
      for (int i = 0; i < CHANGE_FIELDS.size(); i++) {
        outputs.put(CHANGE_FIELDS.get(i).name(), CHANGE_SOURCES[i]);
      }
    } else {
      for (List<String> path : selected) {
        String name = path.get(0);
        Optional<StructField> field = tableSchema.field(name).or(() -> tableSchema.fieldIgnoreCase(name));
        if (field.isPresent()) {
          outputs.putIfAbsent(field.get().name(), 0);
          List<String> resolved = new ArrayList<>(path);
          resolved.set(0, field.get().name());
          paths.add(resolved);
          continue;
        }
        int change = changeColumn(name);
        if (change == 0) {
          throw new IllegalArgumentException(
              "Column \"" + String.join(".", path) + "\" does not exist; the changes have " + changes.fieldNames() + ".");
        }
        if (path.size() > 1) {
          throw new IllegalArgumentException("Column \"" + name + "\" is " + CHANGE_FIELDS.get(-change - 1).type().simpleString()
              + ", not a struct; it has no field \"" + path.get(1) + "\".");
        }
        outputs.putIfAbsent(CHANGE_FIELDS.get(-change - 1).name(), change);
      }
    }

    this.filter = filter == null ? null : filter.bind(changes, mode);
    List<Predicate> onTable = new ArrayList<>();
    if (filter != null) {
      for (BoundColumn c : this.filter.columns()) {
        if (!c.isTopLevel() || changeColumn(c.logicalPath().get(0)) == 0) {
          paths.add(c.logicalPath());
        }
      }
      for (Predicate conjunct : conjuncts(filter)) {
        boolean tableOnly = true;
        for (BoundColumn c : conjunct.bind(changes, mode).columns()) {
          tableOnly &= !c.isTopLevel() || changeColumn(c.logicalPath().get(0)) == 0;
        }
        if (tableOnly) {
          onTable.add(conjunct);
        }
      }
    }
    this.pushable = onTable.isEmpty() ? null : onTable.stream().reduce(Predicates::and).orElseThrow();
    this.readPaths = List.copyOf(paths);

    StructType read = plan(List.of(), false).schema();
    this.changeTypeOrdinal = read.length();
    List<StructField> fullFields = new ArrayList<>(read.fields());
    fullFields.addAll(CHANGE_FIELDS);
    this.full = new StructType(fullFields);
    this.fullSources = new int[full.length()];
    for (int i = 0; i < fullSources.length; i++) {
      fullSources[i] = i < read.length() ? i : CHANGE_SOURCES[i - read.length()];
    }
    List<StructField> outFields = new ArrayList<>();
    int[] sources = new int[outputs.size()];
    int at = 0;
    for (Map.Entry<String, Integer> o : outputs.entrySet()) {
      int source = o.getValue() == 0 ? read.indexOf(o.getKey()) : o.getValue();
      sources[at++] = source;
      outFields.add(source >= 0 ? read.fields().get(source) : CHANGE_FIELDS.get(-source - 1));
    }
    this.output = new StructType(outFields);
    this.outputSources = sources;
  }

  /** The table's columns followed by the change columns. */
  public static StructType changesSchema(StructType tableSchema) {
    List<StructField> fields = new ArrayList<>(tableSchema.fields());
    fields.addAll(CHANGE_FIELDS);
    return new StructType(fields);
  }

  /** The change column named {@code name} (any case), as a source code, or 0 when it is none. */
  private static int changeColumn(String name) {
    for (int i = 0; i < CHANGE_FIELDS.size(); i++) {
      if (CHANGE_FIELDS.get(i).name().equalsIgnoreCase(name)) {
        return CHANGE_SOURCES[i];
      }
    }
    return 0;
  }

  /** The first of the change columns' names the schema uses (any case), if any. */
  public static Optional<String> reservedColumn(StructType tableSchema) {
    for (StructField f : tableSchema.fields()) {
      if (changeColumn(f.name()) != 0) {
        return Optional.of(f.name());
      }
    }
    return Optional.empty();
  }

  private static List<Predicate> conjuncts(Predicate p) {
    if (p instanceof Predicate.And and) {
      List<Predicate> out = new ArrayList<>(conjuncts(and.left()));
      out.addAll(conjuncts(and.right()));
      return out;
    }
    return List.of(p);
  }

  /** The schema of the rows returned. */
  public StructType schema() {
    return output;
  }

  /** The rows of {@code files}, in order, one file at a time. */
  public CloseableIterator<Row> rows(List<ChangeFile> files) {
    return new ChangeRows(this, files.iterator());
  }

  /**
   * The rows of one file before the filter, or null when nothing can be read from it: its
   * partition values rule it out, or its selection of rows is empty.
   */
  CloseableIterator<Row> open(ChangeFile file) {
    Plans p = plans.computeIfAbsent(file.partitionColumns(), this::plans);
    if (p.prune() != null && p.prune().match(file.partitionValues(), Optional.empty()) == FileMatch.NONE) {
      return null;
    }
    DeletedRows exclude = file.exclude().map(dv -> load(dv, file)).orElse(DeletedRows.none());
    RowSelection selection;
    if (file.include().isPresent()) {
      selection = RowSelection.difference(load(file.include().get(), file), exclude);
      if (selection.isEmpty()) {
        return null;
      }
    } else {
      selection = RowSelection.without(exclude);
    }
    ScanPlan plan = file.changeType() == null ? p.cdc() : p.data();
    return plan.fileRows(file.action(), file.path(), file.partitionValues(), file.size(), selection);
  }

  private DeletedRows load(DeletionVectorDescriptor dv, ChangeFile file) {
    return DeletionVectors.load(storage, root, dv, table, file.path());
  }

  /** The row to return for {@code data}, a row of {@code file}; null when the filter drops it. */
  Row row(Row data, ChangeFile file) {
    String changeType = file.changeType() != null
        ? file.changeType()
        : data.isNullAt(changeTypeOrdinal) ? null : data.getString(changeTypeOrdinal);
    if (filter == null) {
      return new ChangeRow(output, outputSources, data, changeType, file.version(), file.timestamp());
    }
    ChangeRow row = new ChangeRow(full, fullSources, data, changeType, file.version(), file.timestamp());
    return filter.test(row) ? row.project(output, outputSources) : null;
  }

  private Plans plans(List<String> partitionColumns) {
    Set<String> names = new HashSet<>(tableSchema.fieldNames());
    List<String> present = new ArrayList<>();
    for (String c : partitionColumns) {
      if (names.contains(c)) {
        present.add(c);
      }
    }
    FileFilter prune = pushable == null ? null : FileFilter.create(pushable, tableSchema, present, mode);
    return new Plans(plan(present, false), plan(present, true), prune);
  }

  /** A plan reading the table columns, and {@code _change_type} too for a cdc file. */
  private ScanPlan plan(List<String> partitionColumns, boolean cdc) {
    StructType schema = tableSchema;
    List<List<String>> paths = readPaths;
    if (cdc) {
      List<StructField> fields = new ArrayList<>(tableSchema.fields());
      fields.add(CDC_CHANGE_TYPE);
      schema = new StructType(fields);
      paths = new ArrayList<>(readPaths);
      paths.add(List.of(TableChanges.CHANGE_TYPE));
    }
    return new ScanPlan(storage, root, table, schema, partitionColumns, mode, paths, null /* filter */,
        () -> CloseableIterator.of(Collections.emptyIterator()));
  }

  @Override
  public String toString() {
    return "changes of " + table + " " + output.fieldNames() + (filter == null ? "" : " where " + filter);
  }
}
