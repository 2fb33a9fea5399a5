package io.delta4j.cdf;

import static io.delta4j.cdf.ChangeText.lines;
import static io.delta4j.cdf.ChangeText.sorted;
import static io.delta4j.cdf.ChangeText.withoutTimestamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.ChangeDataNotRecordedException;
import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.SharedTables;
import io.delta4j.StorageException;
import io.delta4j.TableChanges;
import io.delta4j.VersionNotFoundException;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The change data feed of the delta-rs CDF tables and of the golden tables that exercise change
 * reads: expected rows from delta-rs's {@code load_cdf.rs} tests and the golden catalog, exact
 * commit timestamps where in-commit timestamps give them.
 */
class SharedChangeTablesTest {
  private static DeltaTable open(String relative) {
    return DeltaTable.open(SharedTables.root().resolve(relative).toString());
  }

  private static String message(Exception e, String table) {
    return e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
  }

  @Test
  void inCommitTimestampsAreTheCommitTimestamps() {
    try (DeltaTable table = open("delta-rs-data/cdc_ict_table")) {
      // Names, ages and change types as delta-rs's test_respect_ict lists them; the birth years
      // are checked by FeedReplayTest (the feed replayed over version 1 gives version 3).
      TableChanges changes = table.changes(2, 3);
      assertEquals(sorted(
          "Dan|1995|14|delete|2|2026-07-12T16:36:52.175Z",
          "Dave|1995|22|delete|2|2026-07-12T16:36:52.175Z",
          "Kate|1995|36|update_preimage|3|2026-07-12T16:36:53.881Z",
          "Kate|1995|37|update_postimage|3|2026-07-12T16:36:53.881Z",
          "Steve|1986|40|update_preimage|3|2026-07-12T16:36:53.881Z",
          "Steve|1986|41|update_postimage|3|2026-07-12T16:36:53.881Z"),
          lines(changes));
      // The same instants as the commits' inCommitTimestamp and the versions' snapshot timestamps.
      assertEquals(Instant.ofEpochMilli(1783874212175L), table.snapshotAt(2).timestamp());
      assertEquals(Instant.ofEpochMilli(1783874213881L), table.snapshotAt(3).timestamp());
      // Version 1's in-commit timestamp is older than version 0's (edited by delta-rs's test): it is
      // taken as written, not made increasing.
      try (CloseableIterator<Row> rows = table.changes(1, 1).rows()) {
        assertEquals(Instant.ofEpochMilli(1683874206883L), rows.next().getTimestamp(TableChanges.COMMIT_TIMESTAMP));
      }
    }
  }

  @Test
  void aRangeMayStartAtTheCheckpointAfterCleanup() {
    // Commits 0 to 2 were deleted; the log starts with the checkpoint of version 3.
    try (DeltaTable table = open("delta-rs-data/checkpoint-cdf-table")) {
      assertEquals(sorted(
          "11|Ossama|2024-12-30|insert|4", "11|Ossama|2024-12-30|update_preimage|5",
          "12|Nick|2023-12-29|insert|4", "12|Nick|2023-12-29|update_preimage|5",
          "12|Ossama|2024-12-30|update_postimage|5", "13|Nick|2023-12-29|update_postimage|5",
          "13|Ryan|2023-12-22|insert|4", "13|Ryan|2023-12-22|update_preimage|5",
          "14|Ryan|2023-12-22|update_postimage|5", "14|Zach|2023-12-25|insert|4",
          "14|Zach|2023-12-25|update_preimage|5", "15|Zach|2023-12-25|update_postimage|5",
          "7|Dennis|2023-12-29|delete|3"),
          withoutTimestamp(table.changes(3, 5)));
      VersionNotFoundException gone = assertThrows(VersionNotFoundException.class, () -> table.changes(2, 5));
      assertEquals("Cannot read changes from version 2 to 5: the commit file of version 2 no longer exists (the log"
          + " was cleaned up); the earliest version with a commit file is 3.", message(gone, null));
      assertEquals(3, gone.earliestVersion());
    }
  }

  @Test
  void deltaRsCopiesOfTheKernelTablesGiveTheSameRows() {
    for (String name : List.of("cdf-table", "cdf-table-non-partitioned", "cdf-table-with-cdc-and-dvs")) {
      try (DeltaTable rs = open("delta-rs-data/" + name); DeltaTable kernel = open("kernel-rs-data/data/" + name)) {
        assertEquals(withoutTimestamp(kernel.changes(0, kernel.version())), withoutTimestamp(rs.changes(0, rs.version())),
            name);
      }
    }
  }

  @Test
  void aTableWithoutChangeDataFeedIsRefusedAtItsFirstRewrite() {
    // simple_table: 0 WRITE (adds only), 1 MERGE, 2 overwrite, 3 UPDATE, 4 DELETE, all without cdc files.
    try (DeltaTable table = open("delta-rs-data/simple_table")) {
      ChangeDataNotRecordedException e = assertThrows(ChangeDataNotRecordedException.class, () -> table.changes(0, 4));
      assertEquals(1, e.version());
      assertEquals(0, e.startVersion());
      assertEquals(4, e.endVersion());
      assertEquals("Cannot read changes from version 0 to 4: version 1 (MERGE) both removes and adds data files without"
          + " change data files, because change data feed was not enabled at that version"
          + " (delta.enableChangeDataFeed is not true), so its row-level changes were not recorded. Read a range"
          + " without version 1, or set delta.enableChangeDataFeed=true so that later commits record their changes.",
          message(e, null));
      // An append is its own change feed, recorded or not.
      assertEquals(table.snapshotAt(0).scan().count(), table.changes(0, 0).count());
    }
  }

  @Test
  void plainReadersIgnoreChangeDataFiles() {
    try (DeltaTable table = open("delta-rs-data/simple_table_with_cdc")) {
      List<String> rows = new ArrayList<>();
      try (CloseableIterator<Row> it = table.snapshot().scan().rows()) {
        it.forEachRemaining(r -> rows.add(ChangeText.line(r)));
      }
      assertEquals(List.of("0|Mino"), rows);
    }
  }

  @Test
  void goldenGetChangesInvalidRanges() {
    try (DeltaTable table = open("golden/delta-golden/deltalog-getChanges")) {
      assertEquals("Cannot read changes from version 3 to 8: version 3 does not exist; the latest version is 2.",
          message(assertThrows(VersionNotFoundException.class, () -> table.changes(3, 8)), null));
      assertEquals("Cannot read changes from version 0 to 8: version 8 does not exist; the latest version is 2.",
          message(assertThrows(VersionNotFoundException.class, () -> table.changes(0, 8)), null));
      assertEquals("Cannot read changes from version -1 to 2: versions start at 0.",
          message(assertThrows(VersionNotFoundException.class, () -> table.changes(-1, 2)), null));
      assertEquals("Cannot read changes from version 2 to 1: the start version is after the end version.",
          message(assertThrows(VersionNotFoundException.class, () -> table.changes(2, 1)), null));
      // The range itself is fine: version 1 has a cdc action (its file is fake), version 2 no file action.
      TableChanges changes = table.changes(0, 2);
      assertEquals(List.of("part", "id", "_change_type", "_commit_version", "_commit_timestamp"),
          changes.schema().fieldNames());
      assertEquals(0, table.changes(2, 2).count());
      assertThrows(StorageException.class, changes::count); // fake/path/1 does not exist
    }
  }

  @Test
  void goldenCommitInfoWithArbitraryOperationParameters() {
    // CTAS (1 row), INSERT (1 row), OPTIMIZE ZORDER BY (dataChange=false): two inserts.
    try (DeltaTable table = open("golden/delta-golden/commit-info-containing-arbitrary-operationParams-types")) {
      TableChanges changes = table.changes(0, 2);
      List<String> inserted = new ArrayList<>();
      for (String line : withoutTimestamp(changes)) {
        assertTrue(line.endsWith("|insert|0") || line.endsWith("|insert|1"), line);
        inserted.add(line.substring(0, line.lastIndexOf("|insert|")));
      }
      List<String> live = new ArrayList<>();
      try (CloseableIterator<Row> rows = table.snapshot().scan().rows()) {
        rows.forEachRemaining(r -> live.add(ChangeText.line(r)));
      }
      live.sort(null);
      inserted.sort(null);
      assertEquals(2, inserted.size());
      assertEquals(live, inserted);
      assertEquals(0, table.changes(2, 2).count());
    }
  }

  @Test
  void aPureRemoveIsAChangeEvenWithChangeDataFeedOff() {
    // table-with-cdf turns change data feed off at version 2, whose only file action removes
    // fake/path/1. Delta and kernel-rs refuse ranges through version 2; delta4j reads a pure
    // remove as the delete it is (the data file here is fake, so reading its rows fails).
    try (DeltaTable table = open("kernel-rs-data/data/table-with-cdf")) {
      TableChanges changes = table.changes(0, 3);
      assertThrows(StorageException.class, changes::count);
    }
  }

  @Test
  void schemaIsTheEndSchemaWithTheChangeColumns() {
    try (DeltaTable table = open("kernel-rs-data/data/table-with-cdf")) {
      TableChanges changes = table.changes(0, 1);
      assertEquals(List.of(
          new StructField("part", PrimitiveType.INTEGER, true),
          new StructField("id", PrimitiveType.INTEGER, true),
          new StructField("_change_type", PrimitiveType.STRING, false),
          new StructField("_commit_version", PrimitiveType.LONG, false),
          new StructField("_commit_timestamp", PrimitiveType.TIMESTAMP, false)),
          changes.schema().fields());
      // Versions 3 and 4 change only metadata (4 makes id non-nullable): no rows, the end schema.
      TableChanges metadataOnly = table.changes(3, 4);
      assertEquals(0, metadataOnly.count());
      assertEquals(new StructField("id", PrimitiveType.INTEGER, false), metadataOnly.schema().fields().get(1));
    }
  }
}
