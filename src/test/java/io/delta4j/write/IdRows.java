package io.delta4j.write;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.Snapshot;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table of the concurrency and crash tests: rows {@code (id, p)}, partitioned by {@code p},
 * where every row written has an id of its own, so a lost or duplicated row shows.
 */
final class IdRows {
  static final StructType SCHEMA = StructType.of(
      new StructField("id", PrimitiveType.LONG, false),
      new StructField("p", PrimitiveType.STRING, true));
  static final List<String> PARTITION_COLUMNS = List.of("p");

  private IdRows() {}

  /** Rows with ids {@code from} to {@code from + count - 1}, all in partition {@code p}. */
  static List<Row> rows(String p, long from, int count) {
    List<Row> rows = new ArrayList<>(count);
    for (long id = from; id < from + count; id++) {
      rows.add(Row.of(SCHEMA, id, p));
    }
    return rows;
  }

  /** The ids of {@code rows}. */
  static List<Long> ids(List<Row> rows) {
    return rows.stream().map(r -> r.getLong("id")).toList();
  }

  /** The table's rows at the version it holds, by id. */
  static Map<Long, String> content(DeltaTable table) {
    return content(table.snapshot());
  }

  /**
   * The snapshot's rows, by id.
   *
   * @throws AssertionError when an id appears twice
   */
  static Map<Long, String> content(Snapshot snapshot) {
    Map<Long, String> out = new TreeMap<>();
    try (CloseableIterator<Row> rows = snapshot.scan().rows()) {
      while (rows.hasNext()) {
        Row r = rows.next();
        long id = r.getLong("id");
        if (out.containsKey(id)) {
          throw new AssertionError("id " + id + " appears twice in " + snapshot);
        }
        out.put(id, r.isNullAt("p") ? null : r.getString("p"));
      }
    }
    return out;
  }
}
