package io.delta4j.conformance;

import io.delta4j.DeltaTable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens each table once per run: most tables have several cases. A failure to open is remembered and
 * rethrown to every case of that table, so error cases still see the original exception.
 */
final class OpenTables implements AutoCloseable {
  private final Map<Path, DeltaTable> opened = new HashMap<>();
  private final Map<Path, RuntimeException> failed = new HashMap<>();

  DeltaTable open(Path root) {
    RuntimeException failure = failed.get(root);
    if (failure != null) {
      throw failure;
    }
    DeltaTable table = opened.get(root);
    if (table == null) {
      try {
        table = DeltaTable.open(root.toString());
      } catch (RuntimeException e) {
        failed.put(root, e);
        throw e;
      }
      opened.put(root, table);
    }
    return table;
  }

  @Override
  public void close() {
    opened.values().forEach(DeltaTable::close);
    opened.clear();
    failed.clear();
  }
}
