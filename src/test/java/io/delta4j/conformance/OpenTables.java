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
  private String currentKey;
  private DeltaTable current;
  private RuntimeException currentFailure;

  /**
   * The table at {@code root}, opened at the case's version: {@code v<N>} cases open the table at
   * N ({@code DeltaTable.open(path, N)}), so that an old version stays readable when a later commit
   * is damaged; the others open the latest.
   */
  DeltaTable open(Path root, SnapshotRef at) {
    OptionalLong version = at instanceof SnapshotRef.AtVersion v ? OptionalLong.of(v.version()) : OptionalLong.empty();
    String key = root + "@" + (version.isPresent() ? version.getAsLong() : "latest");
    if (!key.equals(currentKey)) {
      close();
      currentKey = key;
      try {
        current = version.isPresent()
            ? DeltaTable.open(root.toString(), version.getAsLong())
            : DeltaTable.open(root.toString());
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
