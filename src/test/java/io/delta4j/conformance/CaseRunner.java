package io.delta4j.conformance;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.Snapshot;
import io.delta4j.TableChanges;
import io.delta4j.conformance.Expectations.ExpectedDomain;
import io.delta4j.conformance.Expectations.ExpectedDv;
import io.delta4j.conformance.Expectations.ExpectedError;
import io.delta4j.conformance.Expectations.ExpectedFilter;
import io.delta4j.conformance.Expectations.ExpectedHistory;
import io.delta4j.conformance.Expectations.ExpectedNullCount;
import io.delta4j.conformance.Expectations.ExpectedProtocol;
import io.delta4j.conformance.Expectations.ExpectedTxn;
import io.delta4j.data.dv.DeletionVectors;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.SetTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Runs one case through delta4j's public API and says whether it passed, failed or was skipped. */
final class CaseRunner {
  private final Corpus corpus;
  private final Fixtures fixtures;
  private final OpenTables tables;

  CaseRunner(Corpus corpus, Fixtures fixtures, OpenTables tables) {
    this.corpus = corpus;
    this.fixtures = fixtures;
    this.tables = tables;
  }

  Outcome run(ConformanceCase c) {
    // The only acceptable reason to skip (issues #2, #4): a table missing from shared/.
    if (!Files.isDirectory(corpus.root().resolve(c.table()))) {
      return corpus.missingTableSkips()
          ? Outcome.skipped("missing data file: " + c.table())
          : Outcome.failed(where(c) + ": no table at " + corpus.root().resolve(c.table()));
    }
    Path root;
    try {
      root = fixtures.tableRoot(corpus.root(), c.table());
    } catch (RuntimeException e) {
      return Outcome.failed(where(c) + ": cannot prepare the table copy: " + e);
    }
    Optional<String> dvPrefix = fixtures.dvFileNamePrefix(c.table());
    String before = dvPrefix.map(p -> System.setProperty(DeletionVectors.TEST_FILE_NAME_PREFIX_PROPERTY, p)).orElse(null);
    try {
      return switch (c.check()) {
        case ERROR -> expectError(c, root);
        case ROWS -> expectRows(c, root);
        case CHANGES -> expectChanges(c, root);
        default -> expectValue(c, root);
      };
    } finally {
      if (dvPrefix.isPresent()) {
        if (before == null) {
          System.clearProperty(DeletionVectors.TEST_FILE_NAME_PREFIX_PROPERTY);
        } else {
          System.setProperty(DeletionVectors.TEST_FILE_NAME_PREFIX_PROPERTY, before);
        }
      }
    }
  }

  private Outcome expectRows(ConformanceCase c, Path root) {
    String difference;
    try {
      Snapshot snapshot = snapshot(tables.open(root, c.at()), c.at());
      difference = RowCheck.rows(snapshot, RowExpectation.parseRows(c.expected()), corpus.root());
    } catch (RuntimeException e) {
      return Outcome.failed(where(c) + ": expected " + c.expected() + ", actual " + e.getClass().getName() + ": "
          + e.getMessage());
    }
    return difference == null ? Outcome.passed() : Outcome.failed(where(c) + ": " + difference);
  }

  /** {@code changes}: DeltaTable.changes(start, end) of the table opened at {@code at}; see {@link ChangeExpectation}. */
  private Outcome expectChanges(ConformanceCase c, Path root) {
    ChangeExpectation expected = ChangeExpectation.parse(c.expected());
    String difference;
    try {
      DeltaTable table = tables.open(root, c.at());
      TableChanges changes = table.changes(expected.start(), expected.end().orElse(table.version()));
      if (expected.body() instanceof ChangeExpectation.Error error) {
        try (CloseableIterator<Row> rows = changes.rows()) {
          long n = 0;
          while (rows.hasNext()) {
            rows.next();
            n++;
          }
          return Outcome.failed(where(c) + ": expected " + c.expected() + ", actual: " + n + " change rows");
        } catch (RuntimeException e) {
          return expectedError(c, error.error(), e);
        }
      } else if (expected.body() instanceof ChangeExpectation.Count count) {
        long actual = RowCheck.count(changes, count.count());
        difference = actual == count.count().body() ? null
            : "expected " + count.count().body() + " change rows" + count.count().describe() + ", actual " + actual;
      } else {
        difference = RowCheck.changes(changes, ((ChangeExpectation.ChangeRows) expected.body()).rows(), corpus.root());
      }
    } catch (RuntimeException e) {
      if (expected.body() instanceof ChangeExpectation.Error error) {
        return expectedError(c, error.error(), e);
      }
      return Outcome.failed(where(c) + ": expected " + c.expected() + ", actual " + e.getClass().getName() + ": "
          + e.getMessage());
    }
    return difference == null ? Outcome.passed() : Outcome.failed(where(c) + " " + expected.range() + ": " + difference);
  }

  private Outcome expectedError(ConformanceCase c, ExpectedError expected, RuntimeException e) {
    return expected.matches(e)
        ? Outcome.passed()
        : Outcome.failed(where(c) + ": expected " + c.expected() + ", actual " + e.getClass().getName() + ": "
            + e.getMessage());
  }

  private Outcome expectError(ConformanceCase c, Path root) {
    ExpectedError expected = ExpectedError.parse(c.expected());
    try {
      DeltaTable table = tables.open(root, c.at());
      long version;
      int files;
      if (c.at() instanceof SnapshotRef.Latest) {
        version = table.version();
        files = table.getFiles().size();
      } else {
        Snapshot snapshot = snapshot(table, c.at());
        version = snapshot.version();
        files = Actuals.paths(snapshot).size();
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
      DeltaTable table = tables.open(root, c.at());
      boolean latest = c.at() instanceof SnapshotRef.Latest;
      switch (c.check()) {
        case VERSION -> {
          expected = Expectations.parseLong(c.expected());
          actual = latest ? table.version() : snapshot(table, c.at()).version();
        }
        case COUNT -> {
          expected = Expectations.parseLong(c.expected());
          actual = (long) (latest ? table.getFiles() : Actuals.paths(snapshot(table, c.at()))).size();
        }
        case SET -> {
          expected = new TreeSet<>(Expectations.parseSet(c.expected()));
          actual = new TreeSet<>(latest ? table.getFiles() : Actuals.paths(snapshot(table, c.at())));
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
          actual = Actuals.dvSummary(snapshot(table, c.at()));
        }
        case TXN -> {
          ExpectedTxn txn = ExpectedTxn.parse(c.expected());
          expected = show(txn.version()) + txn.lastUpdated().map(t -> " lastUpdated=" + t).orElse("");
          Snapshot s = snapshot(table, c.at());
          actual = show(s.appTransactionVersion(txn.appId())) + (txn.lastUpdated().isEmpty() ? ""
              : " lastUpdated=" + Optional.ofNullable(s.appTransactions().get(txn.appId()))
                  .map(SetTransaction::lastUpdated).filter(OptionalLong::isPresent)
                  .map(t -> Instant.ofEpochMilli(t.getAsLong()).toString()).orElse("(none)"));
        }
        case TXNS -> {
          expected = Expectations.parseMap(c.expected());
          Map<String, String> txns = new TreeMap<>();
          snapshot(table, c.at()).appTransactions().forEach((app, t) -> txns.put(app, Long.toString(t.version())));
          actual = txns;
        }
        case TOMBSTONES -> {
          expected = Expectations.parseLong(c.expected());
          try (CloseableIterator<?> it = snapshot(table, c.at()).tombstones()) {
            actual = it.stream().count();
          }
        }
        case SCHEMA -> {
          expected = c.expected();
          actual = snapshot(table, c.at()).schema().simpleString();
        }
        case DOMAIN -> {
          ExpectedDomain domain = ExpectedDomain.parse(c.expected());
          expected = domain.configuration().orElse("none");
          actual = snapshot(table, c.at()).domainMetadata(domain.domain()).map(DomainMetadata::configuration)
              .orElse("none");
        }
        case DOMAINS -> {
          expected = new TreeSet<>(Expectations.parseSetOrNone(c.expected()));
          actual = new TreeSet<>(snapshot(table, c.at()).domainMetadata().keySet());
        }
        case PROPERTIES -> {
          expected = Expectations.parseMap(c.expected());
          actual = new TreeMap<>(snapshot(table, c.at()).properties());
        }
        case TIMESTAMP -> {
          expected = Expectations.parseInstant(c.expected());
          actual = snapshot(table, c.at()).timestamp();
        }
        case HISTORY -> {
          if (!latest) {
            return Outcome.failed(where(c) + ": history is read at latest only (DeltaTable.history)");
          }
          ExpectedHistory history = ExpectedHistory.parse(c.expected());
          expected = history.entries();
          actual = Actuals.history(table, history);
        }
        case KEYS -> {
          expected = new TreeSet<>(Expectations.parseSetOrNone(c.expected()));
          actual = Actuals.keys(snapshot(table, c.at()));
        }
        case TOMBSTONE_KEYS -> {
          expected = new TreeSet<>(Expectations.parseSetOrNone(c.expected()));
          actual = Actuals.tombstoneKeys(snapshot(table, c.at()));
        }
        case DECODED -> {
          expected = new TreeSet<>(Expectations.parseSetOrNone(c.expected()));
          actual = Actuals.decoded(table, snapshot(table, c.at()), latest);
        }
        case STATS_ROWS -> {
          expected = Expectations.parseLong(c.expected());
          actual = Actuals.statsRows(snapshot(table, c.at()));
        }
        case PARTITION_FILTER -> {
          ExpectedFilter filter = ExpectedFilter.parse(c.expected());
          expected = new TreeSet<>(filter.paths());
          actual = Actuals.partitionFilter(snapshot(table, c.at()), filter);
        }
        case ROW_COUNT -> {
          RowExpectation.Filtered<Long> count = RowExpectation.parseCount(c.expected());
          expected = count.body();
          actual = RowCheck.count(snapshot(table, c.at()), count);
        }
        case NULL_COUNT -> {
          ExpectedNullCount nulls = ExpectedNullCount.parse(c.expected());
          expected = new TreeSet<>(nulls.entries());
          actual = Actuals.nullCounts(snapshot(table, c.at()), nulls.column());
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
    if (at instanceof SnapshotRef.AtVersion) {
      return table.snapshot(); // opened at that version
    }
    if (at instanceof SnapshotRef.AsOf t) {
      return table.snapshotAsOf(t.instant());
    }
    return table.snapshot();
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

  private String where(ConformanceCase c) {
    return c.table() + " @" + c.at() + " " + c.check().token() + " (" + c.suite() + ", " + corpus.caseFileName()
        + " line " + c.line() + ")";
  }

  /** An app transaction version as the case file writes it: the number, or "none". */
  private static String show(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "none";
  }
}
