package io.delta4j.conformance;

import io.delta4j.DeltaTable;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Opens each table once for its run of consecutive cases (cases.tsv is sorted by table), keeping only
 * the current one open. A failure to open is remembered and rethrown to every case of that table, so
 * error cases all see the original exception.
 */
final class OpenTables implements AutoCloseable {
  private final TableLocations locations;
  private String currentKey;
  private DeltaTable current;
  private RuntimeException currentFailure;

  /** Opens the tables where they are on disk. */
  OpenTables() {
    this(TableLocations.local());
  }

  /** Opens each table at its location in {@code locations}. */
  OpenTables(TableLocations locations) {
    this.locations = locations;
  }

  /**
   * The table at {@code root} (or its twin in the {@link TableLocations}), opened at the case's version: {@code v<N>} cases open the table at
   * N ({@code DeltaTable.open(location, N, options)}), so that an old version stays readable when a later commit
   * is damaged; the others open the latest.
   */
  DeltaTable open(Path root, SnapshotRef at) {
    OptionalLong version = at instanceof SnapshotRef.AtVersion v ? OptionalLong.of(v.version()) : OptionalLong.empty();
    String key = root + "@" + (version.isPresent() ? version.getAsLong() : "latest");
    if (!key.equals(currentKey)) {
      close();
      currentKey = key;
      try {
        String location = locations.location(root);
        current = version.isPresent()
            ? DeltaTable.open(location, version.getAsLong(), locations.options())
            : DeltaTable.open(location, locations.options());
      } catch (RuntimeException e) {
        currentFailure = e;
      }
    }
    if (currentFailure != null) {
      throw currentFailure;
    }
    return current;
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
    }
    currentKey = null;
    current = null;
    currentFailure = null;
  }
}
