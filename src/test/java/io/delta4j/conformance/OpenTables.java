package io.delta4j.conformance;

import io.delta4j.DeltaTable;
import java.nio.file.Path;

/**
 * Opens each table once for its run of consecutive cases (cases.tsv is sorted by table), keeping only
 * the current one open. A failure to open is remembered and rethrown to every case of that table, so
 * error cases all see the original exception.
 */
final class OpenTables implements AutoCloseable {
  private Path currentRoot;
  private DeltaTable current;
  private RuntimeException currentFailure;

  DeltaTable open(Path root) {
    if (!root.equals(currentRoot)) {
      close();
      currentRoot = root;
      try {
        current = DeltaTable.open(root.toString());
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
    currentRoot = null;
    current = null;
    currentFailure = null;
  }
}
