package io.delta4j;

import static io.delta4j.ChangeFixture.CDF;
import static io.delta4j.ChangeFixture.ID_NAME_SCHEMA;
import static io.delta4j.ChangeFixture.ID_PART_SCHEMA;
import static io.delta4j.ChangeFixture.ID_SCHEMA;
import static io.delta4j.ChangeFixture.metadata;
import static io.delta4j.ChangeFixture.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.expr.Predicates;
import io.delta4j.log.action.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change data feed's semantics on small hand-written tables, one rule per test. */
class TableChangesTest {
  @TempDir Path dir;

  private static List<String> lines(TableChanges changes) {
    List<String> out = new ArrayList<>();
    try (CloseableIterator<Row> rows = changes.rows()) {
      while (rows.hasNext()) {
        Row r = rows.next();
        StringJoiner line = new StringJoiner("|");
        for (int i = 0; i < r.schema().length(); i++) {
          if (!r.schema().fields().get(i).name().equals(TableChanges.COMMIT_TIMESTAMP)) {
            line.add(String.valueOf(r.get(i)));
          }
        }
        out.add(line.toString());
      }
    }
    return out;
  }

  private static String message(DeltaException e) {
    return e.getMessage().substring(e.table().length() + 2);
  }

  private DeltaTable open() {
    return DeltaTable.open(dir.toString());
  }

  /** Version 0 creates an id table with {@code f0} (ids 1, 2, 3), without change data feed. */
  private ChangeFixture idTable(Map<String, String> configuration) throws IOException {
    ChangeFixture t = new ChangeFixture(dir);
    t.ids("f0.parquet", 1, 2, 3);
    t.log.commit(0, new Protocol(1, 4), metadata(ID_SCHEMA, List.of(), configuration), t.add("f0.parquet"));
    return t;
  }

  @Test
  void addsAreInsertsAndRemovesDeletesInVersionOrder() throws IOException {
    ChangeFixture t = idTable(Map.of());
    t.ids("f1.parquet", 4, 5);
    t.log.commit(1, t.add("f1.parquet"));
    t.log.commit(2, t.remove("f0.parquet"));
    try (DeltaTable table = open()) {
      TableChanges changes = table.changes(0, 2);
      assertEquals(List.of("1|insert|0", "2|insert|0", "3|insert|0", "4|insert|1", "5|insert|1",
          "1|delete|2", "2|delete|2", "3|delete|2"), lines(changes));
      assertEquals(0, changes.startVersion());
      assertEquals(2, changes.endVersion());
      assertEquals(8, changes.count());
      assertEquals(List.of("4|insert|1", "5|insert|1"), lines(table.changes(1, 1)));
    }
  }

  @Test
  void aRewriteWithoutChangeDataFilesNeedsChangeDataFeedOn() throws IOException {
    ChangeFixture t = idTable(Map.of());
    t.ids("f1.parquet", 1, 2, 30);
    t.log.commit(1, operation("UPDATE"), t.remove("f0.parquet"), t.add("f1.parquet"));
    try (DeltaTable table = open()) {
      ChangeDataNotRecordedException e = assertThrows(ChangeDataNotRecordedException.class, () -> table.changes(0, 1));
      assertEquals(1, e.version());
      assertTrue(message(e).startsWith("Cannot read changes from version 0 to 1: version 1 (UPDATE) both removes and adds"
          + " data files without change data files, because change data feed was not enabled at that version"), message(e));
      assertEquals(3, table.changes(0, 0).count()); // the append before it is exact
    }
  }

  @Test
  void withChangeDataFeedOnARewriteWithoutChangeDataFilesIsItsFiles() throws IOException {
    // An overwrite records no cdc files: its changes are its files, and that is exact.
    ChangeFixture t = idTable(CDF);
    t.ids("f1.parquet", 7);
    t.log.commit(1, operation("WRITE"), t.remove("f0.parquet"), t.add("f1.parquet"));
    try (DeltaTable table = open()) {
      assertEquals(List.of("1|delete|1", "2|delete|1", "3|delete|1", "7|insert|1"), lines(table.changes(1, 1)));
    }
  }

  @Test
  void changeDataFeedTurnedOnInTheRewritingCommitCounts() throws IOException {
    ChangeFixture t = idTable(Map.of());
    t.ids("f1.parquet", 7);
    t.log.commit(1, metadata(ID_SCHEMA, List.of(), CDF), t.remove("f0.parquet"), t.add("f1.parquet"));
    try (DeltaTable table = open()) {
      assertEquals(List.of("1|delete|1", "2|delete|1", "3|delete|1", "7|insert|1"), lines(table.changes(1, 1)));
    }
  }

  @Test
  void underWriterVersion7TheFeatureMustBeListed() throws IOException {
    ChangeFixture t = new ChangeFixture(dir);
    t.ids("f0.parquet", 1);
    t.ids("f1.parquet", 2);
    t.log.commit(0, new Protocol(1, 7, Set.of(), Set.of("appendOnly")), metadata(ID_SCHEMA, List.of(), CDF),
        t.add("f0.parquet"));
    t.log.commit(1, t.remove("f0.parquet"), t.add("f1.parquet"));
    t.log.commit(2, new Protocol(1, 7, Set.of(), Set.of("changeDataFeed")));
    t.ids("f2.parquet", 3);
    t.log.commit(3, t.remove("f1.parquet"), t.add("f2.parquet"));
    try (DeltaTable table = open()) {
      assertEquals(1, assertThrows(ChangeDataNotRecordedException.class, () -> table.changes(0, 3)).version());
      assertEquals(List.of("2|delete|3", "3|insert|3"), lines(table.changes(2, 3)));
    }
  }

  @Test
  void changeDataFilesReplaceTheCommitsAddsAndRemoves() throws IOException {
    ChangeFixture t = idTable(CDF);
    t.ids("f1.parquet", 1, 20, 3);
    t.cdc("_change_data/c1.parquet", new long[] {2, 20}, new String[] {"update_preimage", "update_postimage"});
    t.log.commit(1, operation("UPDATE"), t.remove("f0.parquet"), t.add("f1.parquet"),
        t.cdcAction("_change_data/c1.parquet", Map.of()));
    try (DeltaTable table = open()) {
      assertEquals(List.of("2|update_preimage|1", "20|update_postimage|1"), lines(table.changes(1, 1)));
    }
  }

  @Test
  void aDeletionVectorUpdateChangesExactlyTheRowsWhoseDeletionChanged() throws IOException {
    ChangeFixture t = new ChangeFixture(dir);
    t.ids("f.parquet", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    Protocol dvs = new Protocol(3, 7, Set.of("deletionVectors"), Set.of("deletionVectors", "changeDataFeed"));
    t.log.commit(0, dvs, metadata(ID_SCHEMA, List.of(), CDF), t.add("f.parquet"));
    var a = t.dv("dv-a.bin", 2, 3);
    var b = t.dv("dv-b.bin", 3, 5);
    // 1: DELETE of 2 and 3 by a new vector; 2: 5 deleted, 2 restored, 3 stays deleted;
    // 3: the same vector again (a re-add): nothing; 4: the file removed: the 8 rows it still had.
    t.log.commit(1, t.remove("f.parquet"), t.add("f.parquet", Map.of(), true, a));
    t.log.commit(2, t.remove("f.parquet", Map.of(), true, a), t.add("f.parquet", Map.of(), true, b));
    t.log.commit(3, t.remove("f.parquet", Map.of(), true, b), t.add("f.parquet", Map.of(), true, b));
    t.log.commit(4, t.remove("f.parquet", Map.of(), true, b));
    try (DeltaTable table = open()) {
      assertEquals(List.of("2|delete|1", "3|delete|1"), lines(table.changes(1, 1)));
      assertEquals(List.of("5|delete|2", "2|insert|2"), lines(table.changes(2, 2)));
      assertEquals(List.of(), lines(table.changes(3, 3)));
      assertEquals(List.of("0|delete|4", "1|delete|4", "2|delete|4", "4|delete|4", "6|delete|4", "7|delete|4",
          "8|delete|4", "9|delete|4"), lines(table.changes(4, 4)));
    }
  }

  @Test
  void deletionVectorDeletesNeedNoChangeDataFeed() throws IOException {
    ChangeFixture t = new ChangeFixture(dir);
    t.ids("f.parquet", 0, 1, 2);
    Protocol dvs = new Protocol(3, 7, Set.of("deletionVectors"), Set.of("deletionVectors"));
    t.log.commit(0, dvs, metadata(ID_SCHEMA, List.of(), Map.of()), t.add("f.parquet"));
    t.log.commit(1, operation("DELETE"), t.remove("f.parquet"), t.add("f.parquet", Map.of(), true, t.dv("d.bin", 1)));
    try (DeltaTable table = open()) {
      assertEquals(List.of("0|insert|0", "1|insert|0", "2|insert|0", "1|delete|1"), lines(table.changes(0, 1)));
    }
  }

  @Test
  void filesWithoutDataChangeAreIgnoredAndNeedNoRecording() throws IOException {
    ChangeFixture t = idTable(Map.of());
    t.ids("f1.parquet", 1, 2, 3);
    t.log.commit(1, operation("OPTIMIZE"), t.remove("f0.parquet", Map.of(), false, Optional.empty()),
        t.add("f1.parquet", Map.of(), false, Optional.empty()));
    try (DeltaTable table = open()) {
      assertEquals(0, table.changes(1, 1).count());
    }
  }

  @Test
  void commitTimestampsAreInCommitTimestampsFromTheirEnablementVersion() throws IOException {
    ChangeFixture t = idTable(Map.of());
    t.log.setModificationTime(0, 1_600_000_000_000L);
    t.ids("f1.parquet", 4);
    Map<String, String> ict = Map.of("delta.enableInCommitTimestamps", "true",
        "delta.inCommitTimestampEnablementVersion", "1", "delta.inCommitTimestampEnablementTimestamp", "1700000000000");
    t.log.commit(1, TestLog.commitInfo(1_700_000_000_000L), metadata(ID_SCHEMA, List.of(), ict), t.add("f1.parquet"));
    t.log.setModificationTime(1, 1_800_000_000_000L); // ignored: the in-commit timestamp wins
    try (DeltaTable table = open()) {
      List<Instant> times = new ArrayList<>();
      try (CloseableIterator<Row> rows = table.changes(0, 1).select("id", "_commit_timestamp").rows()) {
        rows.forEachRemaining(r -> times.add(r.getTimestamp(1)));
      }
      assertEquals(List.of(Instant.ofEpochMilli(1_600_000_000_000L), Instant.ofEpochMilli(1_600_000_000_000L),
          Instant.ofEpochMilli(1_600_000_000_000L), Instant.ofEpochMilli(1_700_000_000_000L)), times);
      assertEquals(table.snapshotAt(1).timestamp(), times.get(3));
    }
  }

  @Test
  void aMissingInCommitTimestampIsCorruption() throws IOException {
    ChangeFixture t = new ChangeFixture(dir);
    t.ids("f0.parquet", 1);
    t.log.commit(0, TestLog.commitInfo(1_700_000_000_000L), new Protocol(1, 7, Set.of(), Set.of("inCommitTimestamp")),
        metadata(ID_SCHEMA, List.of(), Map.of("delta.enableInCommitTimestamps", "true")), t.add("f0.parquet"));
    t.log.commit(1, t.remove("f0.parquet"));
    try (DeltaTable table = DeltaTable.open(dir.toString(), 0)) {
      CorruptLogException e = assertThrows(CorruptLogException.class, () -> table.changes(0, 1));
      assertEquals("Cannot determine the timestamp of version 1: in-commit timestamps are enabled but its commitInfo"
          + " has no inCommitTimestamp.", message(e));
    }
  }

  @Test
  void aProtocolInTheRangeThatDelta4jCannotReadIsRefused() throws IOException {
    ChangeFixture t = idTable(CDF);
    t.ids("f1.parquet", 4);
    t.log.commit(1, t.add("f1.parquet"));
    t.log.commit(2, new Protocol(3, 7, Set.of("futureFeature"), Set.of("futureFeature")));
    try (DeltaTable table = DeltaTable.open(dir.toString(), 1)) {
      assertEquals(4, table.changes(0, 1).count());
      UnsupportedTableFeatureException e =
          assertThrows(UnsupportedTableFeatureException.class, () -> table.changes(0, 2));
      assertEquals(Set.of("futureFeature"), e.unsupportedFeatures());
      assertTrue(message(e).startsWith("Cannot read changes from version 0 to 2: the protocol of version 2 is not"
          + " readable. Cannot read table: requires reader features [futureFeature]"), message(e));
      assertThrows(UnsupportedTableFeatureException.class, () -> table.changes(2, 2));
    }
  }

  @Test
  void rangesOutsideTheLogAreRefusedWithTheirVersions() throws IOException {
    idTable(CDF);
    try (DeltaTable table = open()) {
      assertEquals("Cannot read changes from version 0 to 1: version 1 does not exist; the latest version is 0.",
          message(assertThrows(VersionNotFoundException.class, () -> table.changes(0, 1))));
      assertEquals("Cannot read changes from version -2 to 0: versions start at 0.",
          message(assertThrows(VersionNotFoundException.class, () -> table.changes(-2, 0))));
      assertEquals("Cannot read changes from version 1 to 0: the start version is after the end version.",
          message(assertThrows(VersionNotFoundException.class, () -> table.changes(1, 0))));
    }
  }

  @Test
  void aStartVersionWhoseStateCannotBeReconstructedIsRefused() throws IOException {
    ChangeFixture t = idTable(CDF);
    t.ids("f1.parquet", 4);
    t.log.commit(1, t.add("f1.parquet"));
    t.log.commit(2, t.remove("f1.parquet"));
    try (DeltaTable table = open()) {
      Files.delete(t.log.logDir.resolve("00000000000000000000.json")); // cleaned up, and no checkpoint
      VersionNotFoundException e = assertThrows(VersionNotFoundException.class, () -> table.changes(1, 2));
      assertTrue(message(e).startsWith("Cannot read changes from version 1 to 2: the table state at version 1 cannot"
          + " be reconstructed (Cannot load version 1: "), message(e));
      assertTrue(message(assertThrows(VersionNotFoundException.class, () -> table.changes(0, 2)))
          .contains("the commit file of version 0 no longer exists"));
    }
  }

  @Test
  void newerVersionsThanTheTableHoldsCanBeRead() throws IOException {
    ChangeFixture t = idTable(CDF);
    try (DeltaTable table = open()) {
      t.ids("f1.parquet", 4);
      t.log.commit(1, t.add("f1.parquet"));
      assertEquals(List.of("4|insert|1"), lines(table.changes(1, 1)));
      assertEquals(0, table.version());
    }
  }

  @Test
  void selectOrdersColumnsAndFilterUsesAnyColumn() throws IOException {
    ChangeFixture t = idTable(CDF);
    t.ids("f1.parquet", 4, 5);
    t.log.commit(1, t.remove("f0.parquet"), t.add("f1.parquet"));
    try (DeltaTable table = open()) {
      TableChanges changes = table.changes(0, 1);
      assertEquals(List.of("id", "_change_type", "_commit_version", "_commit_timestamp"), changes.schema().fieldNames());
      TableChanges picked = changes.select("_commit_version", "ID").filter(Predicates.parse("_change_type = 'delete'"));
      assertEquals(List.of("_commit_version", "id"), picked.schema().fieldNames());
      assertEquals(List.of("1|1", "1|2", "1|3"), lines(picked));
      assertEquals(3, picked.count());
      assertEquals(List.of("4|insert|1"), lines(changes.filter(Predicates.parse("id = 4 AND _commit_version >= 1"))));
      assertEquals(List.of("insert"), lines(changes.select("_change_type").filter(Predicates.parse("id > 4"))
          .filter(Predicates.parse("_commit_version = 1"))).stream().distinct().toList());
      IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> changes.select("nope"));
      assertEquals("Column \"nope\" does not exist; the changes have [id, _change_type, _commit_version,"
          + " _commit_timestamp].", missing.getMessage());
      assertThrows(IllegalArgumentException.class, () -> changes.select("_commit_version.x"));
      assertThrows(IllegalArgumentException.class, () -> changes.filter(Predicates.parse("nope = 1")));
    }
  }

  @Test
  void partitionValuesAreJoinedAndPrunedByTheFilter() throws IOException {
    ChangeFixture t = new ChangeFixture(dir);
    t.ids("part=1/a.parquet", 1, 2);
    t.ids("part=2/b.parquet", 3);
    t.log.commit(0, new Protocol(1, 4), metadata(ID_PART_SCHEMA, List.of("part"), CDF),
        t.add("part=1/a.parquet", Map.of("part", "1"), true, Optional.empty()),
        t.add("part=2/b.parquet", Map.of("part", "2"), true, Optional.empty()));
    // Version 1's cdc file in part=2 is missing: only a filter that prunes it can read version 1.
    t.cdc("_change_data/part=1/c.parquet", new long[] {2}, new String[] {"delete"});
    t.cdc("_change_data/part=2/gone.parquet", new long[] {3}, new String[] {"delete"});
    var gone = t.cdcAction("_change_data/part=2/gone.parquet", Map.of("part", "2"));
    Files.delete(dir.resolve("_change_data/part=2/gone.parquet"));
    t.log.commit(1, t.cdcAction("_change_data/part=1/c.parquet", Map.of("part", "1")), gone);
    try (DeltaTable table = open()) {
      assertEquals(List.of("1|1|insert|0", "2|1|insert|0", "3|2|insert|0"), lines(table.changes(0, 0)));
      assertEquals(List.of("2|1|delete|1"), lines(table.changes(1, 1).filter(Predicates.parse("part = 1"))));
      assertThrows(StorageException.class, () -> table.changes(1, 1).count());
    }
  }

  @Test
  void aRemoveWithoutPartitionValuesOnAPartitionedTableIsReported() throws IOException {
    ChangeFixture t = new ChangeFixture(dir);
    t.ids("part=1/a.parquet", 1);
    t.log.commit(0, new Protocol(1, 4), metadata(ID_PART_SCHEMA, List.of("part"), CDF),
        t.add("part=1/a.parquet", Map.of("part", "1"), true, Optional.empty()));
    t.log.commit(1, t.remove("part=1/a.parquet", null, true, Optional.empty()));
    try (DeltaTable table = open()) {
      CorruptLogException e = assertThrows(CorruptLogException.class, () -> lines(table.changes(1, 1)));
      assertEquals(1, table.changes(1, 1).count()); // counting needs no partition values
      assertEquals("Cannot read data file part=1/a.parquet: its remove action has no value for partition column"
          + " \"part\" (a remove records partition values only with extendedFileMetadata; without them the deleted"
          + " rows' partition values are unknown).", message(e));
    }
  }

  @Test
  void everyVersionIsReadWithTheEndSchema() throws IOException {
    ChangeFixture t = idTable(CDF);
    t.idNames("f1.parquet", new long[] {4}, new String[] {"four"});
    t.log.commit(1, metadata(ID_NAME_SCHEMA, List.of(), CDF), t.add("f1.parquet"));
    try (DeltaTable table = open()) {
      assertEquals(List.of("1|null|insert|0", "2|null|insert|0", "3|null|insert|0", "4|four|insert|1"),
          lines(table.changes(0, 1)));
      assertEquals(List.of("1|insert|0", "2|insert|0", "3|insert|0"), lines(table.changes(0, 0)));
    }
  }

  @Test
  void eachVersionUsesItsOwnPartitionColumns() throws IOException {
    // Version 0 is partitioned by part; version 1 overwrites without partitions, part in the file.
    // The removed file keeps the layout it was written with: part from its partition values.
    ChangeFixture t = new ChangeFixture(dir);
    t.ids("part=1/a.parquet", 1);
    t.log.commit(0, new Protocol(1, 4), metadata(ID_PART_SCHEMA, List.of("part"), CDF),
        t.add("part=1/a.parquet", Map.of("part", "1"), true, Optional.empty()));
    Path b = dir.resolve("b.parquet");
    io.delta4j.data.TestParquet.write(b, "message m { optional int64 id; optional int32 part; }", g -> {
      g.add("id", 5L);
      g.add("part", 9);
    });
    t.log.commit(1, metadata(ID_PART_SCHEMA, List.of(), CDF),
        t.remove("part=1/a.parquet", Map.of("part", "1"), true, Optional.empty()), t.add("b.parquet"));
    try (DeltaTable table = open()) {
      assertEquals(List.of("1|1|insert|0", "1|1|delete|1", "5|9|insert|1"), lines(table.changes(0, 1)));
    }
  }

  @Test
  void aTableColumnNamedLikeAChangeColumnIsRefused() throws IOException {
    ChangeFixture t = new ChangeFixture(dir);
    String schema = "{\"type\":\"struct\",\"fields\":[{\"name\":\"_Change_Type\",\"type\":\"string\",\"nullable\":true,"
        + "\"metadata\":{}}]}";
    t.log.commit(0, new Protocol(1, 2), metadata(schema, List.of(), Map.of()));
    try (DeltaTable table = open()) {
      DeltaException e = assertThrows(DeltaException.class, () -> table.changes(0, 0));
      assertEquals("Cannot read changes: the schema of version 0 has a column \"_Change_Type\", a name the change data"
          + " feed reserves for its own columns (_change_type, _commit_version, _commit_timestamp).", message(e));
    }
  }
}
