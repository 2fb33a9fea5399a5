package io.delta4j.scan;

import io.delta4j.CloseableIterator;
import io.delta4j.Row;
import io.delta4j.expr.BoundColumn;
import io.delta4j.expr.FileFilter;
import io.delta4j.expr.FileMatch;
import io.delta4j.expr.Predicate;
import io.delta4j.log.action.AddFile;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.ColumnMappingMode;
import io.delta4j.types.StructType;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A planned scan: which files to read (partition pruning and statistics skipping by the filter),
 * which columns to read from them, and how rows are assembled. Internal; the public face is
 * {@code io.delta4j.Scan}.
 */
public final class ScanPlan {
  private final ScanContext context;
  private final FileFilter fileFilter; // null without a filter
  private final Supplier<CloseableIterator<AddFile>> files;

  /**
   * @param selected column paths to return ({@code ["address","city"]}), or null for every column
   * @param filter the row filter, or null for none
   * @param files the snapshot's live files
   */
  public ScanPlan(
      StorageBackend storage, URI root, String table, StructType tableSchema, List<String> partitionColumns,
      ColumnMappingMode mode, List<List<String>> selected, Predicate filter,
      Supplier<CloseableIterator<AddFile>> files) {
    this.files = files;
    this.fileFilter = filter == null ? null : FileFilter.create(filter, tableSchema, partitionColumns, mode);
    List<List<String>> wanted = new ArrayList<>();
    if (selected == null) {
      tableSchema.fields().forEach(f -> wanted.add(List.of(f.name())));
    } else {
      wanted.addAll(selected);
    }
    int outputWidth = SchemaProjection.project(tableSchema, wanted).length();
    if (fileFilter != null) {
      for (BoundColumn c : fileFilter.predicate().columns()) {
        wanted.add(c.logicalPath());
      }
    }
    StructType combined = SchemaProjection.project(tableSchema, wanted);
    RowLayout layout = RowLayout.of(combined, new HashSet<>(partitionColumns));
    RowLayout output = outputWidth == combined.length()
        ? layout
        : new RowLayout(new StructType(combined.fields().subList(0, outputWidth)), layout.dataSchema(),
            Arrays.copyOf(layout.dataOrdinals(), outputWidth));
    this.context = new ScanContext(
        storage, root, table, mode, layout, output, fileFilter == null ? null : fileFilter.predicate());
  }

  /** The schema of the rows returned. */
  public StructType schema() {
    return context.output().schema();
  }

  /** The files that may hold matching rows. */
  public CloseableIterator<AddFile> files() {
    CloseableIterator<AddFile> all = files.get();
    if (fileFilter == null) {
      return all;
    }
    return new Filtered(all, fileFilter);
  }

  /** The matching rows, one data file at a time, one row group at a time. */
  public CloseableIterator<Row> rows() {
    return new ScanRows(files.get(), fileFilter, context);
  }

  /**
   * The rows of one data file named by any file action ({@code add}, {@code remove} or
   * {@code cdc}), keeping only the rows {@code selection} keeps: how a change data feed reads
   * files that are not live in a snapshot. The plan's filter, if any, still applies to each row.
   *
   * @param action the action's name, for errors
   * @param path the file's path as the action writes it
   * @param partitionValues the action's partition values (physical names under column mapping)
   * @param size the file's size, when the action records it
   */
  public CloseableIterator<Row> fileRows(
      String action, String path, Map<String, String> partitionValues, OptionalLong size, RowSelection selection) {
    return new FileRows(context, action, path, partitionValues, size, selection,
        fileFilter == null ? FileMatch.ALL : FileMatch.SOME);
  }

  /** As {@link #fileRows(String, String, Map, OptionalLong, RowSelection)} for a live file, with row indexes. */
  FileRows fileRows(AddFile file, RowSelection selection) {
    return new FileRows(context, "add", file.path(), file.partitionValues(), OptionalLong.of(file.size()), selection,
        fileFilter == null ? FileMatch.ALL : FileMatch.SOME);
  }

  /** The files whose match is not NONE. */
  private static final class Filtered implements CloseableIterator<AddFile> {
    private final CloseableIterator<AddFile> all;
    private final FileFilter filter;
    private AddFile next;

    Filtered(CloseableIterator<AddFile> all, FileFilter filter) {
      this.all = all;
      this.filter = filter;
    }

    @Override
    public boolean hasNext() {
      while (next == null && all.hasNext()) {
        AddFile f = all.next();
        if (filter.match(f) != FileMatch.NONE) {
          next = f;
        }
      }
      return next != null;
    }

    @Override
    public AddFile next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      AddFile out = next;
      next = null;
      return out;
    }

    @Override
    public void close() {
      all.close();
    }
  }
}
