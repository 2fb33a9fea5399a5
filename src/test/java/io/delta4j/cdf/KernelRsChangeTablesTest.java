package io.delta4j.cdf;

import static io.delta4j.cdf.ChangeText.sorted;
import static io.delta4j.cdf.ChangeText.withoutTimestamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.delta4j.DeltaTable;
import io.delta4j.SharedTables;
import io.delta4j.VersionNotFoundException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The change data feed of kernel-rs's CDF tables ({@code shared/kernel-rs-data/data/cdf-*}), against
 * the rows its tests expect ({@code kernel/tests/integration/features/cdf.rs}), compared as
 * multisets without {@code _commit_timestamp}: columns, then change type and version.
 */
class KernelRsChangeTablesTest {
  private static List<String> changes(String table, long start, Long end) {
    return read(table, t -> t.changes(start, end == null ? t.version() : end));
  }

  private static List<String> read(String table, Function<DeltaTable, io.delta4j.TableChanges> changes) {
    String location = SharedTables.root().resolve("kernel-rs-data/data").resolve(table).toString();
    try (DeltaTable t = DeltaTable.open(location)) {
      return withoutTimestamp(changes.apply(t));
    }
  }

  @Test
  void deletionVectorUpdatesAreTheRowsWhoseDeletionChanged() {
    // 0 inserts 0..9; 1 deletes 0, 9; 2 restores them; 3 deletes 0, 1, 4, 5; 4 restores 1, 4;
    // 5 restores 0, 5 and deletes 3; 6 restores 3. No cdc files: all from deletion vectors.
    assertEquals(sorted(
        "0|insert|0", "1|insert|0", "2|insert|0", "3|insert|0", "4|insert|0",
        "5|insert|0", "6|insert|0", "7|insert|0", "8|insert|0", "9|insert|0",
        "0|delete|1", "9|delete|1",
        "0|insert|2", "9|insert|2",
        "0|delete|3", "1|delete|3", "4|delete|3", "5|delete|3",
        "1|insert|4", "4|insert|4",
        "3|delete|5", "0|insert|5", "5|insert|5",
        "3|insert|6"),
        changes("cdf-table-with-dv", 0, null));
  }

  @Test
  void partitionedTableWithChangeDataFiles() {
    assertEquals(sorted(
        "1|Steve|2023-12-22|insert|0", "2|Bob|2023-12-23|insert|0", "3|Dave|2023-12-23|insert|0",
        "4|Kate|2023-12-23|insert|0", "5|Emily|2023-12-24|insert|0", "6|Carl|2023-12-24|insert|0",
        "7|Dennis|2023-12-24|insert|0", "8|Claire|2023-12-25|insert|0", "9|Ada|2023-12-25|insert|0",
        "10|Borb|2023-12-25|insert|0",
        "3|Dave|2023-12-22|update_postimage|1", "3|Dave|2023-12-23|update_preimage|1",
        "4|Kate|2023-12-22|update_postimage|1", "4|Kate|2023-12-23|update_preimage|1",
        "2|Bob|2023-12-22|update_postimage|1", "2|Bob|2023-12-23|update_preimage|1",
        "7|Dennis|2023-12-24|update_preimage|2", "7|Dennis|2023-12-29|update_postimage|2",
        "5|Emily|2023-12-24|update_preimage|2", "5|Emily|2023-12-29|update_postimage|2",
        "6|Carl|2023-12-24|update_preimage|2", "6|Carl|2023-12-29|update_postimage|2",
        "7|Dennis|2023-12-29|delete|3"),
        changes("cdf-table", 0, null));
  }

  @Test
  void nonPartitionedTableWithManyTypes() {
    String rest = "|true|3.14|1|";
    assertEquals(sorted(
        "1|Steve|2024-04-14|1" + rest + "insert|0", "2|Bob|2024-04-15|1" + rest + "insert|0",
        "3|Dave|2024-04-15|2" + rest + "insert|0", "4|Kate|2024-04-15|3" + rest + "insert|0",
        "5|Emily|2024-04-16|4" + rest + "insert|0", "6|Carl|2024-04-16|5" + rest + "insert|0",
        "7|Dennis|2024-04-16|6" + rest + "insert|0", "8|Claire|2024-04-17|7" + rest + "insert|0",
        "9|Ada|2024-04-17|8" + rest + "insert|0", "10|Borb|2024-04-17|99999999999999999" + rest + "insert|0",
        "3|Dave|2024-04-15|2" + rest + "update_preimage|1", "3|Dave|2024-04-14|2" + rest + "update_postimage|1",
        "4|Kate|2024-04-15|3" + rest + "update_preimage|1", "4|Kate|2024-04-14|3" + rest + "update_postimage|1",
        "2|Bob|2024-04-15|1" + rest + "update_preimage|1", "2|Bob|2024-04-14|1" + rest + "update_postimage|1",
        "7|Dennis|2024-04-16|6" + rest + "update_preimage|2", "7|Dennis|2024-04-14|6" + rest + "update_postimage|2",
        "5|Emily|2024-04-16|4" + rest + "update_preimage|2", "5|Emily|2024-04-14|4" + rest + "update_postimage|2",
        "6|Carl|2024-04-16|5" + rest + "update_preimage|2", "6|Carl|2024-04-14|5" + rest + "update_postimage|2",
        "7|Dennis|2024-04-14|6" + rest + "delete|3",
        "1|Alex|2024-04-14|1" + rest + "insert|4", "2|Alan|2024-04-15|1" + rest + "insert|4"),
        changes("cdf-table-non-partitioned", 0, null));
  }

  @Test
  void changeDataFilesAndDeletionVectorsMixedOver26Versions() {
    assertEquals(sorted(
        "1|initial|insert|0",
        "2|insert1|insert|1", "3|insert1-delete1|insert|1", "4|insert1-delete2|insert|1", "5|insert1-delete2|insert|1",
        "3|insert1-delete1|delete|2",
        "3|insert1-delete1|insert|4",
        "4|insert1-delete2|delete|5", "5|insert1-delete2|delete|5",
        "4|insert1-delete2|insert|7",
        "5|insert2|insert|8",
        "1|initial|update_preimage|9", "1|update1|update_postimage|9",
        "2|insert1|update_preimage|9", "2|update1|update_postimage|9",
        "3|insert1-delete1|update_preimage|9", "3|update1|update_postimage|9",
        "1|update1|delete|10",
        "2|update1|update_preimage|12", "2|update2|update_postimage|12",
        "6|insert3|insert|14", "7|insert3|insert|14",
        "8|insert4|insert|15", "9|insert4|insert|15",
        "8|insert4|delete|16", "7|insert3|delete|16",
        "10|merge1-insert|insert|18", "11|merge1-insert|insert|18",
        "9|merge1-update|update_postimage|18", "9|insert4|update_preimage|18",
        "11|merge1-insert|update_preimage|20", "11||update_postimage|20",
        "12|merge2-insert|insert|22", "11||delete|22",
        "3|update1|delete|24", "4|insert1-delete2|delete|24", "5|insert2|delete|24",
        "2|update2|delete|24", "6|insert3|delete|24", "9|merge1-update|delete|24",
        "0|new|insert|25", "1|after-large-delete|insert|25", "2||insert|25"),
        changes("cdf-table-with-cdc-and-dvs", 0, null));
  }

  @Test
  void versionRangesSelectTheirCommits() {
    List<String> inserts = List.of("0|insert|0", "1|insert|0", "2|insert|0", "3|insert|0", "4|insert|0",
        "5|insert|0", "6|insert|0", "7|insert|0", "8|insert|0", "9|insert|0");
    List<String> deletes = inserts.stream().map(s -> s.replace("insert|0", "delete|1")).toList();
    List<String> later = List.of("20|insert|2", "21|insert|2", "22|insert|2", "23|insert|2", "24|insert|2");
    assertEquals(sorted(inserts.toArray(String[]::new)), changes("cdf-table-simple", 0, 0L));
    assertEquals(sorted(deletes.toArray(String[]::new)), changes("cdf-table-simple", 1, 1L));
    assertEquals(sorted(later.toArray(String[]::new)), changes("cdf-table-simple", 2, 2L));
    List<String> all = new java.util.ArrayList<>(inserts);
    all.addAll(deletes);
    all.addAll(later);
    assertEquals(sorted(all.toArray(String[]::new)), changes("cdf-table-simple", 0, 2L));
  }

  @Test
  void invalidRangesNameTheVersions() {
    VersionNotFoundException reversed = assertThrows(VersionNotFoundException.class,
        () -> changes("cdf-table-simple", 1, 0L));
    assertEquals("Cannot read changes from version 1 to 0: the start version is after the end version.",
        reversed.getMessage().substring(reversed.getMessage().indexOf("Cannot")));
    VersionNotFoundException beyond = assertThrows(VersionNotFoundException.class,
        () -> changes("cdf-table-simple", 3, 4L));
    assertEquals("Cannot read changes from version 3 to 4: version 3 does not exist; the latest version is 2.",
        beyond.getMessage().substring(beyond.getMessage().indexOf("Cannot")));
    assertEquals(2, beyond.latestVersion());
  }

  @Test
  void changeTypesArePassedThroughAsWritten() {
    // Delta-Spark's tests wrote update_pre / update_post, which are not the spec's names.
    assertEquals(sorted(
        "0|insert|0", "1|insert|0", "2|insert|0", "3|insert|0", "4|insert|0",
        "5|insert|0", "6|insert|0", "7|insert|0", "8|insert|0", "9|insert|0",
        "20|update_pre|1", "21|update_pre|1", "22|update_pre|1", "23|update_pre|1", "24|update_pre|1",
        "30|update_post|2", "31|update_post|2", "32|update_post|2", "33|update_post|2", "34|update_post|2"),
        changes("cdf-table-update-ops", 0, 2L));
  }

  @Test
  void filesWithoutDataChangeAreNoChange() {
    assertEquals(sorted("0|insert|0", "1|insert|0", "2|insert|0", "3|insert|0", "4|insert|0",
        "5|insert|0", "6|insert|0", "7|insert|0", "8|insert|0", "9|insert|0"),
        changes("cdf-table-data-change", 0, 1L));
  }

  @Test
  void partitionedMergeAndDelete() {
    assertEquals(sorted(
        "0|old|0|insert|0", "1|old|1|insert|0", "2|old|0|insert|0", "3|old|1|insert|0", "4|old|0|insert|0",
        "5|old|1|insert|0",
        "3|old|1|delete|1", "1|old|1|update_preimage|1", "1|new|1|update_postimage|1",
        "0|old|0|delete|2", "2|old|0|delete|2", "4|old|0|delete|2"),
        changes("cdf-table-partitioned", 0, 2L));
  }

  @Test
  void columnNamesWithDotsAndBackticks() {
    assertEquals(sorted(
        "2|10|{field: 1, field.one: 2}|insert|0", "4|10|{field: 1, field.one: 2}|insert|0",
        "1|10|{field: 1, field.one: 2}|insert|1", "3|10|{field: 1, field.one: 2}|insert|1",
        "5|10|{field: 1, field.one: 2}|insert|1"),
        changes("cdf-table-backtick-column-names", 0, null));
  }

  @Test
  void deletes() {
    List<String> inserts = List.of("0|insert|0", "1|insert|0", "2|insert|0", "3|insert|0", "4|insert|0",
        "5|insert|0", "6|insert|0", "7|insert|0", "8|insert|0", "9|insert|0");
    List<String> all = new java.util.ArrayList<>(inserts);
    inserts.forEach(s -> all.add(s.replace("insert|0", "delete|1")));
    assertEquals(sorted(all.toArray(String[]::new)), changes("cdf-table-delete-unconditional", 0, null));
    assertEquals(sorted(all.toArray(String[]::new)), changes("cdf-table-delete-conditional-all-rows", 0, null));
    List<String> two = new java.util.ArrayList<>(inserts);
    two.add("2|delete|1");
    two.add("8|delete|1");
    assertEquals(sorted(two.toArray(String[]::new)), changes("cdf-table-delete-conditional-two-rows", 0, null));
  }

  @Test
  void columnMappingByName() {
    List<String> expected = sorted(
        "1|Alice|100.0|delete|4", "2|Bob|200.0|update_preimage|2", "2|Bob|250.0|update_postimage|2",
        "4|David|400.0|insert|3");
    assertEquals(expected, changes("cdf-column-mapping-name-mode", 1, null));
    assertEquals(expected, changes("cdf-column-mapping-name-mode-3-7", 1, null));
  }

  @Test
  void columnMappingById() {
    assertEquals(sorted(
        "2|Frank|250.0|update_preimage|2", "2|Frank|275.0|update_postimage|2", "3|Grace|350.0|delete|4",
        "4|Henry|450.0|insert|3"),
        changes("cdf-column-mapping-id-mode", 1, null));
  }
}
