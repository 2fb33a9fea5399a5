package io.delta4j.write;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaErrors;
import io.delta4j.Row;
import io.delta4j.Snapshot;
import io.delta4j.WriteOptions;
import io.delta4j.expr.BoundPredicate;
import io.delta4j.expr.FileFilter;
import io.delta4j.expr.Predicate;
import io.delta4j.log.FileKeys;
import io.delta4j.log.InCommitTimestamps;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddCdcFile;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.scan.FileRowMatcher;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.ColumnMappingMode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The work of one transaction, behind the public {@code Transaction}: it writes the data files as
 * rows arrive, plans which files a delete or overwrite removes or changes, and hands the actions to
 * the {@link Committer}. Data files are written before the commit; if the commit does not happen
 * they stay unreferenced, invisible to readers, until vacuum removes them.
 */
public final class TableWrite {
  private enum Kind { APPEND, OVERWRITE, DELETE }

  private final String table;
  private final URI root;
  private final URI logDir;
  private final StorageBackend storage;
  private final Snapshot read;
  private final Clock clock;
  private final FileKeys keys;
  private Kind kind;
  private WriteOptions options = WriteOptions.defaults();
  private Optional<SetTransaction> app = Optional.empty();
  private Optional<String> userMetadata = Optional.empty();
  private boolean alreadyCommitted;
  private DataFileWriter files;
  private ChangeDataWriter changes; // only for a commit that must record its changes in cdc files
  private RowCoercion coercion;
  private RowConstraints constraints;
  private long rowsGiven;
  private Optional<Predicate> condition = Optional.empty();
  private ReadScope scope = ReadScope.NOTHING;
  private final List<RemoveFile> removes = new ArrayList<>();
  private final List<AddFile> changedAdds = new ArrayList<>();
  private long removedRows;
  private long copiedRows;
  private int vectorsWritten;

  public TableWrite(String table, URI root, URI logDir, StorageBackend storage, Snapshot read, Clock clock) {
    this.table = table;
    this.root = root;
    this.logDir = logDir;
    this.storage = storage;
    this.read = read;
    this.clock = clock;
    this.keys = new FileKeys(root);
  }

  public Snapshot readSnapshot() {
    return read;
  }

  public void options(WriteOptions options) {
    this.options = options;
  }

  public void userMetadata(String text) {
    this.userMetadata = Optional.of(text);
  }

  /** Records the application's version; if the table already has it (or a later one), nothing will be written. */
  public void appVersion(String appId, long version) {
    if (app.isPresent()) {
      throw new IllegalStateException("withAppVersion was already called for \"" + app.get().appId() + "\"");
    }
    app = Optional.of(new SetTransaction(appId, version, OptionalLong.of(clock.millis())));
    OptionalLong recorded = read.appTransactionVersion(appId);
    alreadyCommitted = recorded.isPresent() && recorded.getAsLong() >= version;
  }

  public void append(Iterable<?> rows) {
    begin(Kind.APPEND);
    writeRows(rows, Optional.empty());
  }

  public void overwrite(Iterable<?> rows, Optional<Predicate> where) {
    begin(Kind.OVERWRITE);
    if (alreadyCommitted) {
      return;
    }
    AppendOnly.check(table, read.metadata(), "WRITE (overwrite)");
    condition = where;
    if (where.isPresent()) {
      FileFilter filter = FileFilter.forSnapshot(read, where.get());
      removeMatching(filter);
      writeRows(rows, Optional.of(filter.predicate()));
    } else {
      removeAll();
      writeRows(rows, Optional.empty());
    }
  }

  public void delete(Predicate where) {
    begin(Kind.DELETE);
    if (alreadyCommitted) {
      return;
    }
    AppendOnly.check(table, read.metadata(), "DELETE");
    condition = Optional.of(where);
    removeMatching(FileFilter.forSnapshot(read, where));
  }

  private void begin(Kind next) {
    if (kind != null && !(kind == Kind.APPEND && next == Kind.APPEND)) {
      throw new IllegalStateException("A transaction holds one operation: it already has " + kind.name().toLowerCase()
          + "; commit it and start another transaction for " + next.name().toLowerCase() + ".");
    }
    kind = next;
  }

  private void writeRows(Iterable<?> rows, Optional<BoundPredicate> mustMatch) {
    if (alreadyCommitted) {
      return;
    }
    dataFiles();
    for (Object input : rows) {
      rowsGiven++;
      Row row;
      try {
        row = coercion.toRow(input);
      } catch (IllegalArgumentException e) {
        abort();
        throw WriteErrors.invalidRow(table, rowsGiven, e.getMessage());
      }
      try {
        constraints.check(row);
      } catch (RuntimeException e) {
        abort();
        throw e;
      }
      if (mustMatch.isPresent() && !mustMatch.get().test(row)) {
        abort();
        throw WriteErrors.invalidRow(table, rowsGiven,
            "it does not satisfy the overwrite condition " + mustMatch.get().predicate());
      }
      try {
        files.write(row);
        if (changes != null) {
          changes.write(row, "insert");
        }
      } catch (IOException | RuntimeException e) {
        abort();
        throw e instanceof IOException io ? DeltaErrors.storage(table, "write a data file of", root, io) : (RuntimeException) e;
      }
    }
  }

  private void abort() {
    try {
      if (files != null) {
        files.close();
      }
      if (changes != null) {
        changes.close();
      }
    } catch (IOException ignored) {
      // Aborting only discards unpublished files; the error being raised says what went wrong.
    }
  }

  /** An overwrite without a condition: every live file goes. */
  private void removeAll() {
    Set<String> readFiles = new HashSet<>();
    try (CloseableIterator<AddFile> live = read.addFiles()) {
      while (live.hasNext()) {
        AddFile add = live.next();
        readFiles.add(keys.of(add));
        removes.add(RemoveActions.of(add, clock.millis()));
        removedRows += RemoveActions.liveRows(add);
      }
    }
    scope = new ReadScope(Optional.empty(), true, readFiles);
  }

  /** Files whose rows all match go whole; files where only some rows match are handled by {@link RowDeletes}. */
  private void removeMatching(FileFilter filter) {
    Set<String> readFiles = new HashSet<>();
    List<AddFile> partial = new ArrayList<>();
    List<AddFile> whole = new ArrayList<>();
    try (CloseableIterator<AddFile> live = read.addFiles()) {
      while (live.hasNext()) {
        AddFile add = live.next();
        switch (filter.match(add)) {
          case NONE -> { }
          case ALL -> {
            readFiles.add(keys.of(add));
            removes.add(RemoveActions.of(add, clock.millis()));
            removedRows += RemoveActions.liveRows(add);
            whole.add(add);
          }
          case SOME -> {
            readFiles.add(keys.of(add));
            partial.add(add);
          }
        }
      }
    }
    scope = new ReadScope(Optional.of(filter), false, readFiles);
    if (!partial.isEmpty()) {
      deleteRows(partial, whole, filter.predicate().predicate());
    }
  }

  /** Deletes the matching rows of files where only some may match: by deletion vectors when the table allows, else by rewriting. */
  private void deleteRows(List<AddFile> partial, List<AddFile> whole, Predicate predicate) {
    FileRowMatcher matcher = new FileRowMatcher(storage, root, table, read.schema(), read.partitionColumns(),
        ColumnMappingMode.fromProperties(read.properties()), predicate);
    // With cdc files in a commit, the change data feed reads only them: every changed row goes there.
    if ("true".equalsIgnoreCase(read.properties().get("delta.enableChangeDataFeed"))) {
      changes = new ChangeDataWriter(table, read.version(), storage, root, read.schema(), read.partitionColumns(), read.properties(),
          options, clock);
    }
    RowDeletes deletes = new RowDeletes(matcher, storage, root, table, clock.millis(), Optional.ofNullable(changes));
    try {
      if (changes != null) {
        for (AddFile file : whole) {
          changes.writeAll(matcher.liveRows(file), "delete");
        }
      }
      if (deletionVectorsEnabled()) {
        deletes.withDeletionVectors(partial);
      } else {
        deletes.byRewriting(partial, dataFiles());
      }
    } catch (IOException | RuntimeException e) {
      abort();
      throw e instanceof IOException io ? DeltaErrors.storage(table, "rewrite a data file of", root, io) : (RuntimeException) e;
    }
    removes.addAll(deletes.removes);
    changedAdds.addAll(deletes.adds);
    removedRows += deletes.deletedRows;
    copiedRows += deletes.copiedRows;
    vectorsWritten += deletes.vectorsWritten;
  }

  // PROTOCOL.md, "Deletion Vectors": writers may add them only when the feature is in the protocol and the property is on.
  private boolean deletionVectorsEnabled() {
    return read.protocol().writerFeatures().contains("deletionVectors")
        && "true".equalsIgnoreCase(read.properties().get("delta.enableDeletionVectors"));
  }

  private DataFileWriter dataFiles() {
    if (files == null) {
      WriteLayout layout = WriteLayout.of(table, read.version(), read.schema(), read.partitionColumns(), read.properties(), options);
      files = new DataFileWriter(storage, root, layout, clock);
      coercion = new RowCoercion(read.schema());
      constraints = RowConstraints.of(table, read.schema(), read.properties());
    }
    return files;
  }

  /**
   * Commits, or does nothing when the application version was already recorded.
   *
   * @return the outcome, empty when nothing was committed
   */
  public Optional<CommitOutcome> commit(Map<String, String> metricsOut) {
    if (alreadyCommitted) {
      abort();
      return Optional.empty();
    }
    List<AddFile> adds;
    List<AddCdcFile> cdc;
    try {
      adds = files == null ? List.of() : files.finish();
      cdc = changes == null ? List.of() : changes.finish();
    } catch (IOException e) {
      abort();
      throw DeltaErrors.storage(table, "write a data file of", root, e);
    }
    List<Action> actions = new ArrayList<>();
    app.ifPresent(actions::add);
    actions.addAll(removes);
    actions.addAll(changedAdds);
    actions.addAll(adds);
    actions.addAll(cdc);
    Map<String, String> metrics = metrics(adds);
    metricsOut.putAll(metrics);
    Kind done = kind == null ? Kind.APPEND : kind;
    PendingCommit pending = new PendingCommit(done == Kind.DELETE ? "DELETE" : "WRITE", parameters(done), metrics,
        actions, done == Kind.APPEND, scope);
    boolean ict = InCommitTimestamps.appliesTo(read.metadata(), read.version() + 1);
    return Optional.of(new Committer(table, storage, root, logDir, clock).commit(
        pending, read.version(), read.timestamp().toEpochMilli(), ict, userMetadata, options.maxCommitAttempts()));
  }

  private Map<String, String> parameters(Kind done) {
    Map<String, String> p = new LinkedHashMap<>();
    if (done != Kind.DELETE) {
      p.put("mode", done == Kind.APPEND ? "Append" : "Overwrite");
      p.put("partitionBy", CommitInfos.jsonArray(read.partitionColumns()));
    }
    condition.ifPresent(c -> p.put("predicate", CommitInfos.jsonArray(List.of(c.toString()))));
    return p;
  }

  private Map<String, String> metrics(List<AddFile> adds) {
    long bytes = adds.stream().mapToLong(AddFile::size).sum();
    long rows = files == null ? 0 : files.rows();
    Map<String, String> m = new LinkedHashMap<>();
    if (kind == Kind.DELETE) {
      m.put("numRemovedFiles", Long.toString(removes.size()));
      m.put("numAddedFiles", Long.toString(adds.size()));
      m.put("numDeletedRows", Long.toString(removedRows));
      m.put("numCopiedRows", Long.toString(copiedRows));
      m.put("numDeletionVectorsAdded", Long.toString(vectorsWritten));
    } else {
      m.put("numFiles", Long.toString(adds.size()));
      m.put("numOutputRows", Long.toString(rows));
      m.put("numOutputBytes", Long.toString(bytes));
      if (kind == Kind.OVERWRITE) {
        m.put("numRemovedFiles", Long.toString(removes.size()));
      }
    }
    return m;
  }
}
