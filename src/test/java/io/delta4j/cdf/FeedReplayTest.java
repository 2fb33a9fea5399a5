package io.delta4j.cdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.SharedTables;
import io.delta4j.TableChanges;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The change feed is consistent with the snapshots it lies between: for every version v, the rows
 * of version v - 1, minus the deletes and pre-images of v, plus its inserts and post-images, are
 * the rows of version v (as multisets). Independent of any expected answer, and it covers every
 * column of every row, partition values and nulls included. (Not for the hand-made
 * {@code cdf-table-simple} and {@code cdf-table-update-ops}, whose cdc actions come without the
 * adds and removes they describe.)
 */
class FeedReplayTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "kernel-rs-data/data/cdf-table",
      "kernel-rs-data/data/cdf-table-non-partitioned",
      "kernel-rs-data/data/cdf-table-with-dv",
      "kernel-rs-data/data/cdf-table-with-cdc-and-dvs",
      "kernel-rs-data/data/cdf-table-partitioned",
      "kernel-rs-data/data/cdf-table-data-change",
      "kernel-rs-data/data/cdf-table-backtick-column-names",
      "kernel-rs-data/data/cdf-table-delete-unconditional",
      "kernel-rs-data/data/cdf-table-delete-conditional-all-rows",
      "kernel-rs-data/data/cdf-table-delete-conditional-two-rows",
      "kernel-rs-data/data/cdf-column-mapping-name-mode",
      "kernel-rs-data/data/cdf-column-mapping-name-mode-3-7",
      "kernel-rs-data/data/cdf-column-mapping-id-mode",
      "delta-rs-data/cdc_ict_table",
      "delta-rs-data/checkpoint-cdf-table",
      "golden/delta-golden/commit-info-containing-arbitrary-operationParams-types",
  })
  void eachVersionIsThePreviousOnePlusItsChanges(String relative) {
    try (DeltaTable table = DeltaTable.open(SharedTables.root().resolve(relative).toString())) {
      long first = firstWithCommitFile(table);
      List<String> state = rows(table, first);
      for (long v = first + 1; v <= table.version(); v++) {
        TableChanges changes = table.changes(v, v);
        List<String> columns = new ArrayList<>(changes.schema().fieldNames());
        columns.removeAll(List.of(TableChanges.CHANGE_TYPE, TableChanges.COMMIT_VERSION, TableChanges.COMMIT_TIMESTAMP));
        int width = columns.size();
        try (CloseableIterator<Row> it = changes.rows()) {
          while (it.hasNext()) {
            Row r = it.next();
            String line = ChangeText.line(r);
            String data = line.substring(0, nthBar(line, width));
            switch (r.getString(TableChanges.CHANGE_TYPE)) {
              case TableChanges.INSERT, TableChanges.UPDATE_POSTIMAGE -> state.add(data);
              case TableChanges.DELETE, TableChanges.UPDATE_PREIMAGE ->
                  assertEquals(true, state.remove(data), relative + " @" + v + ": no row " + data + " to remove");
              default -> throw new AssertionError(r.toString());
            }
          }
        }
        state.sort(null);
        assertEquals(rows(table, v), state, relative + " @" + v);
      }
    }
  }

  private static long firstWithCommitFile(DeltaTable table) {
    for (long v = 0; ; v++) {
      try {
        table.changes(v, v);
        return v;
      } catch (io.delta4j.VersionNotFoundException e) {
        // cleaned up
      }
    }
  }

  private static int nthBar(String line, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = line.indexOf('|', at + 1);
    }
    return at;
  }

  private static List<String> rows(DeltaTable table, long version) {
    List<String> out = new ArrayList<>();
    try (CloseableIterator<Row> rows = table.snapshotAt(version).scan().rows()) {
      rows.forEachRemaining(r -> out.add(ChangeText.line(r)));
    }
    out.sort(null);
    return out;
  }
}
