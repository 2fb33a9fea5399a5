package io.delta4j.conformance;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.HistoryEntry;
import io.delta4j.Snapshot;
import io.delta4j.conformance.Expectations.ExpectedFilter;
import io.delta4j.conformance.Expectations.ExpectedHistory;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.FileAction;
import io.delta4j.storage.Locations;
import io.delta4j.util.Json;
import io.delta4j.util.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What delta4j answers for a check, read through the public API and rendered in the case file's
 * format. Set-valued answers are sorted; an entry that occurs twice is kept once and a
 * {@code (duplicate) <entry>} marker is added, so that a reader listing one file twice fails the check.
 */
final class Actuals {
  private Actuals() {}

  static List<String> paths(Snapshot snapshot) {
    try (CloseableIterator<AddFile> files = snapshot.addFiles()) {
      return files.stream().map(AddFile::path).toList();
    }
  }

  /** The live files' reconciliation keys: {@code <path>} or {@code <path> dv=<unique id>}. */
  static Set<String> keys(Snapshot snapshot) {
    try (CloseableIterator<AddFile> files = snapshot.addFiles()) {
      return distinct(files, Actuals::key);
    }
  }

  /** The tombstones' keys, in the format of {@link #keys}. */
  static Set<String> tombstoneKeys(Snapshot snapshot) {
    try (CloseableIterator<? extends FileAction> removes = snapshot.tombstones()) {
      return distinct(removes, Actuals::key);
    }
  }

  private static String key(FileAction action) {
    return action.path() + action.deletionVector().map(dv -> " dv=" + dv.uniqueId()).orElse("");
  }

  /**
   * The files the live paths name, decoded and relative to the table root, each followed by
   * {@code (no such file)} when it does not exist: {@code DeltaTable.getFileUris()} at the latest
   * version, else the paths resolved as it resolves them.
   */
  static Set<String> decoded(DeltaTable table, Snapshot snapshot, boolean latest) {
    List<URI> uris = latest
        ? table.getFileUris()
        : paths(snapshot).stream().map(p -> Locations.resolve(snapshot.root(), p)).toList();
    Path root = Path.of(snapshot.root());
    return distinct(uris.iterator(), uri -> {
      Path file = Path.of(uri);
      String relative = root.relativize(file).toString();
      return Files.exists(file) ? relative : relative + " (no such file)";
    });
  }

  /** The live paths whose partition value for the filter's column matches it. */
  static Set<String> partitionFilter(Snapshot snapshot, ExpectedFilter filter) {
    try (CloseableIterator<AddFile> files = snapshot.addFiles()) {
      return distinct(
          files.stream()
              .filter(f -> f.partitionValues().containsKey(filter.column())
                  && Objects.equals(f.partitionValues().get(filter.column()), filter.value().orElse(null)))
              .iterator(),
          AddFile::path);
    }
  }

  /** {@code <path>=<n>} for each live file whose stats give {@code column} a non-zero nullCount. */
  static Set<String> nullCounts(Snapshot snapshot, String column) {
    Set<String> out = new TreeSet<>();
    try (CloseableIterator<AddFile> files = snapshot.addFiles()) {
      while (files.hasNext()) {
        AddFile f = files.next();
        Object count = stats(f).get("nullCount") instanceof Map<?, ?> counts ? counts.get(column) : null;
        if (count == null) {
          out.add(f.path() + "=(no nullCount)");
        } else if (!count.equals(0L)) {
          out.add(f.path() + "=" + count);
        }
      }
    }
    return out;
  }

  /**
   * The rows the log's statistics promise: the sum of {@code numRecords} (the physical count) minus
   * the deletion vectors' cardinalities, over the live files.
   *
   * @throws IllegalStateException when a live file has no numRecords
   */
  static long statsRows(Snapshot snapshot) {
    long rows = 0;
    try (CloseableIterator<AddFile> files = snapshot.addFiles()) {
      while (files.hasNext()) {
        AddFile f = files.next();
        if (!(stats(f).get("numRecords") instanceof Long n)) {
          throw new IllegalStateException(f.path() + " has no stats.numRecords");
        }
        rows += n - f.deletionVector().map(DeletionVectorDescriptor::cardinality).orElse(0L);
      }
    }
    return rows;
  }

  private static Map<?, ?> stats(AddFile f) {
    if (f.stats().isEmpty()) {
      return Map.of();
    }
    try (var parser = Json.FACTORY.createParser(f.stats().get())) {
      parser.nextToken();
      return JsonValues.read(parser) instanceof Map<?, ?> map ? map : Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException(f.path() + ": unreadable stats", e);
    }
  }

  static String dvSummary(Snapshot snapshot) {
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

  /** The table's history, with an operation only where the expectation names one. */
  static List<String> history(DeltaTable table, ExpectedHistory expected) {
    List<HistoryEntry> history = table.history(expected.limit());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry h = history.get(i);
      out.add(expected.checksOperation(i)
          ? h.version() + " " + h.commitInfo().flatMap(CommitInfo::operation).orElse("(no operation)")
          : Long.toString(h.version()));
    }
    return out;
  }

  private static <T> Set<String> distinct(Iterator<T> items, Function<? super T, String> render) {
    Set<String> out = new TreeSet<>();
    while (items.hasNext()) {
      String entry = render.apply(items.next());
      if (!out.add(entry)) {
        out.add("(duplicate) " + entry);
      }
    }
    return out;
  }
}
