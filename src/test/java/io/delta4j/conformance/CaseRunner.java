package io.delta4j.conformance;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Snapshot;
import io.delta4j.conformance.Expectations.ExpectedDv;
import io.delta4j.conformance.Expectations.ExpectedError;
import io.delta4j.conformance.Expectations.ExpectedProtocol;
import io.delta4j.conformance.Expectations.ExpectedTxn;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** Runs one case through delta4j's public API and says whether it passed, failed or was skipped. */
final class CaseRunner {
  private final Path sharedRoot;
  private final Fixtures fixtures;
  private final OpenTables tables;

  CaseRunner(Path sharedRoot, Fixtures fixtures, OpenTables tables) {
    this.sharedRoot = sharedRoot;
    this.fixtures = fixtures;
    this.tables = tables;
  }

  Outcome run(ConformanceCase c) {
    // The only acceptable reasons to skip (issue #2): a table missing from shared/, or data reading.
    if (!Files.isDirectory(sharedRoot.resolve(c.table()))) {
      return Outcome.skipped("missing data file: " + c.table());
    }
    if (c.check().needsDataReading()) {
      return Outcome.skipped(Outcome.NEEDS_DATA_READING);
    }
    Path root;
    try {
      root = fixtures.tableRoot(sharedRoot, c.table());
    } catch (RuntimeException e) {
      return Outcome.failed(where(c) + ": cannot prepare the table copy: " + e);
    }
    return c.check() == Check.ERROR ? expectError(c, root) : expectValue(c, root);
  }

  private Outcome expectError(ConformanceCase c, Path root) {
    ExpectedError expected = ExpectedError.parse(c.expected());
    try {
      DeltaTable table = tables.open(root);
      long version;
      int files;
      if (c.at() instanceof SnapshotRef.Latest) {
        version = table.version();
        files = table.getFiles().size();
      } else {
        Snapshot snapshot = snapshot(table, c.at());
        version = snapshot.version();
        files = paths(snapshot).size();
      }
      return Outcome.failed(where(c) + ": expected " + c.expected() + ", actual: loaded version " + version
          + " with " + files + " files");
    } catch (RuntimeException e) {
      return expected.matches(e)
          ? Outcome.passed()
          : Outcome.failed(where(c) + ": expected " + c.expected() + ", actual " + e.getClass().getName() + ": "
              + e.getMessage());
    }
  }

  private Outcome expectValue(ConformanceCase c, Path root) {
    Object expected;
    Object actual;
    try {
      DeltaTable table = tables.open(root);
      boolean latest = c.at() instanceof SnapshotRef.Latest;
      switch (c.check()) {
        case VERSION -> {
          expected = Expectations.parseLong(c.expected());
          actual = latest ? table.version() : snapshot(table, c.at()).version();
        }
        case COUNT -> {
          expected = Expectations.parseLong(c.expected());
          actual = (long) (latest ? table.getFiles() : paths(snapshot(table, c.at()))).size();
        }
        case SET -> {
          expected = new TreeSet<>(Expectations.parseSet(c.expected()));
          actual = new TreeSet<>(latest ? table.getFiles() : paths(snapshot(table, c.at())));
        }
        case PROTOCOL -> {
          ExpectedProtocol p = ExpectedProtocol.parse(c.expected());
          expected = render(p, p.minReader(), p.minWriter(), p.readerFeatures().orElse(Set.of()),
              p.writerFeatures().orElse(Set.of()));
          Protocol a = snapshot(table, c.at()).protocol();
          actual = render(p, a.minReaderVersion(), a.minWriterVersion(), a.readerFeatures(), a.writerFeatures());
        }
        case PARTITION_COLUMNS -> {
          expected = Expectations.parseList(c.expected());
          actual = snapshot(table, c.at()).partitionColumns();
        }
        case DV -> {
          ExpectedDv dv = ExpectedDv.parse(c.expected());
          expected = dv.cardinality() + " on " + dv.files() + " files";
          actual = dvSummary(snapshot(table, c.at()));
        }
        case TXN -> {
          ExpectedTxn txn = ExpectedTxn.parse(c.expected());
          expected = show(txn.version());
          actual = show(snapshot(table, c.at()).appTransactionVersion(txn.appId()));
        }
        case TOMBSTONES -> {
          expected = Expectations.parseLong(c.expected());
          try (CloseableIterator<?> it = snapshot(table, c.at()).tombstones()) {
            actual = it.stream().count();
          }
        }
        default -> throw new IllegalStateException("not a value check: " + c.check());
      }
    } catch (RuntimeException e) {
      return Outcome.failed(where(c) + ": expected " + c.expected() + ", actual " + e.getClass().getName() + ": "
          + e.getMessage());
    }
    if (Objects.equals(expected, actual)) {
      return Outcome.passed();
    }
    String detail = "";
    if (expected instanceof Set<?> e && actual instanceof Set<?> a) {
      Set<Object> missing = new TreeSet<>(e);
      missing.removeAll(a);
      Set<Object> unexpected = new TreeSet<>(a);
      unexpected.removeAll(e);
      detail = " (missing " + missing + ", unexpected " + unexpected + ")";
    }
    return Outcome.failed(where(c) + ": expected " + expected + ", actual " + actual + detail);
  }

  private static Snapshot snapshot(DeltaTable table, SnapshotRef at) {
    if (at instanceof SnapshotRef.AtVersion v) {
      return table.snapshotAt(v.version());
    }
    if (at instanceof SnapshotRef.AsOf t) {
      return table.snapshotAsOf(t.instant());
    }
    return table.snapshot();
  }

  private static List<String> paths(Snapshot snapshot) {
    try (CloseableIterator<AddFile> files = snapshot.addFiles()) {
      return files.stream().map(AddFile::path).toList();
    }
  }

  private static String dvSummary(Snapshot snapshot) {
    long cardinality = 0;
    long files = 0;
    try (CloseableIterator<AddFile> it = snapshot.addFiles()) {
      while (it.hasNext()) {
        DeletionVectorDescriptor dv = it.next().deletionVector().orElse(null);
        if (dv != null) {
          cardinality += dv.cardinality();
          files++;
        }
      }
    }
    return cardinality + " on " + files + " files";
  }

  /** Renders a protocol in the case-file format, with only the feature lists the case checks. */
  private static String render(
      ExpectedProtocol shape, int reader, int writer, Set<String> readerFeatures, Set<String> writerFeatures) {
    StringBuilder out = new StringBuilder().append(reader).append('/').append(writer);
    if (shape.readerFeatures().isPresent()) {
      out.append(" R").append(new TreeSet<>(readerFeatures).toString().replace(", ", ","));
    }
    if (shape.writerFeatures().isPresent()) {
      out.append(" W").append(new TreeSet<>(writerFeatures).toString().replace(", ", ","));
    }
    return out.toString();
  }

  private static String where(ConformanceCase c) {
    return c.table() + " @" + c.at() + " " + c.check().token() + " (" + c.suite() + ", cases.tsv line " + c.line() + ")";
  }

  /** An app transaction version as the case file writes it: the number, or "none". */
  private static String show(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "none";
  }
}
