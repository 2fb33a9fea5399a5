package io.delta4j.scan;

import static io.delta4j.expr.Predicates.and;
import static io.delta4j.expr.Predicates.equal;
import static io.delta4j.expr.Predicates.greaterThan;
import static io.delta4j.expr.Predicates.greaterThanOrEqual;
import static io.delta4j.expr.Predicates.in;
import static io.delta4j.expr.Predicates.isNull;
import static io.delta4j.expr.Predicates.lessThan;
import static io.delta4j.expr.Predicates.lessThanOrEqual;
import static io.delta4j.expr.Predicates.not;
import static io.delta4j.expr.Predicates.notEqual;
import static io.delta4j.expr.Predicates.or;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.SharedTables;
import io.delta4j.Snapshot;
import io.delta4j.data.dv.DeletedRows;
import io.delta4j.data.dv.DeletedRowsBuilder;
import io.delta4j.data.dv.DeletionVectorFile;
import io.delta4j.data.dv.DeletionVectorWriter;
import io.delta4j.expr.Predicate;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.StorageBackend;
import io.delta4j.types.ColumnMappingMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matches of every file of real tables agree with scans: the rows at the matched indexes are
 * the rows a scan with the predicate returns, the remaining rows are those a scan with its
 * three-valued complement (false or null) returns, and the two counts add up to the live rows.
 * The complements are written by hand: {@code a OR b} is not true where {@code a} and {@code b}
 * are both false or null.
 */
class FileRowMatcherTest {
  private static final Path TESTS_DATA = Path.of("tests-data");

  private final StorageBackend storage = new LocalStorage();

  @TempDir Path dir;

  /** Table under tests-data, predicate, complement, expected matches. */
  static Stream<Arguments> ownTables() {
    return Stream.of(
        // Partition column only, with a null partition: ids 1, 2, 11, 12, 19, 20.
        Arguments.of("people", equal("city", "Berlin"), or(notEqual("city", "Berlin"), isNull("city")), 6),
        // A data column holding nulls (Dieter's and Peggy's birthdays), which match neither side.
        Arguments.of("people", lessThan("birthday", LocalDate.of(1990, 1, 1)),
            or(greaterThanOrEqual("birthday", LocalDate.of(1990, 1, 1)), isNull("birthday")), 10),
        Arguments.of("people", or(lessThanOrEqual("id", 3L), equal("city", "Tokyo")),
            and(or(greaterThan("id", 3L), isNull("id")), or(notEqual("city", "Tokyo"), isNull("city"))), 5),
        // Files with deletion vectors (u, two vectors in one file).
        Arguments.of("dv-keys", and(greaterThanOrEqual("id", 5L), lessThanOrEqual("id", 15L)),
            or(lessThan("id", 5L), greaterThan("id", 15L), isNull("id")), 6),
        Arguments.of("dv-keys", in("name", "name-0", "name-2", "name-12", "name-25"),
            or(not(in("name", "name-0", "name-2", "name-12", "name-25")), isNull("name")), 3));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ownTables")
  void ownTables(String table, Predicate predicate, Predicate complement, long expected) {
    assertEquals(expected, check(TESTS_DATA.resolve(table), predicate, complement));
  }

  /** Shared table, predicate, complement, expected matches (-1: only the scans say). */
  static Stream<Arguments> sharedTables() {
    return Stream.of(
        // golden-catalog.md: part >= 7 AND col1 >= 0 -> 12 rows.
        Arguments.of("golden/delta-golden/dv-partitioned-with-checkpoint",
            and(greaterThanOrEqual("part", 7), greaterThanOrEqual("col1", 0)),
            or(lessThan("part", 7), isNull("part"), lessThan("col1", 0), isNull("col1")), 12),
        Arguments.of("golden/delta-golden/dv-with-columnmapping", equal("col2", "foo3"),
            or(notEqual("col2", "foo3"), isNull("col2")), -1),
        Arguments.of("golden/delta-golden/dv-with-columnmapping", lessThan("col1", 35),
            or(greaterThanOrEqual("col1", 35), isNull("col1")), -1),
        // Both files; ids 101..299 minus multiples of 11 (18 of them).
        Arguments.of("golden/kernel/basic-dv-with-checkpoint", and(greaterThan("id", 100L), lessThan("id", 300L)),
            or(lessThanOrEqual("id", 100L), greaterThanOrEqual("id", 300L), isNull("id")), 199 - 18),
        // Values 1..8 live (0 and 9 deleted).
        Arguments.of("kernel-rs-data/data/table-with-dv-small", greaterThan("value", 4),
            or(lessThanOrEqual("value", 4), isNull("value")), 4));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("sharedTables")
  void sharedTables(String table, Predicate predicate, Predicate complement, long expected) {
    long matched = check(SharedTables.root().resolve(table), predicate, complement);
    if (expected >= 0) {
      assertEquals(expected, matched);
    }
  }

  /** Checks every live file of the table; returns the number of matched rows. */
  private long check(Path tableDir, Predicate predicate, Predicate complement) {
    try (DeltaTable table = DeltaTable.open(tableDir.toString())) {
      Snapshot snapshot = table.snapshot();
      FileRowMatcher matcher = matcher(snapshot, predicate);
      ScanPlan everything = plan(snapshot);
      long live = 0;
      List<String> matchedRows = new ArrayList<>();
      List<String> remainingRows = new ArrayList<>();
      for (AddFile file : snapshot.addFiles().toList()) {
        RowMatches matches = matcher.match(file);
        assertEquals(file.deletionVector().map(DeletionVectorDescriptor::cardinality).orElse(0L),
            matches.deleted().cardinality());
        if (!matcher.mightMatch(file)) {
          assertTrue(matches.noneMatch(), file.path() + " was pruned but has matches");
        }
        live += matches.liveRows();
        // The rows at the matched indexes, read by position alone.
        try (CloseableIterator<Row> rows = everything.fileRows("add", file.path(), file.partitionValues(),
            OptionalLong.of(file.size()), RowSelection.difference(matches.matched(), DeletedRows.none()))) {
          rows.forEachRemaining(r -> matchedRows.add(r.toString()));
        }
        try (CloseableIterator<Row> rows = matcher.remainingRows(file, matches)) {
          rows.forEachRemaining(r -> {
            assertEquals(snapshot.schema(), r.schema());
            remainingRows.add(r.toString());
          });
        }
      }
      List<String> expectedMatched = strings(snapshot.scan().filter(predicate).rows());
      List<String> expectedRemaining = strings(snapshot.scan().filter(complement).rows());
      assertEquals(snapshot.scan().count(), live);
      assertEquals(live, expectedMatched.size() + expectedRemaining.size(), "the complement is one");
      assertEquals(sorted(expectedMatched), sorted(matchedRows));
      assertEquals(sorted(expectedRemaining), sorted(remainingRows));
      assertFalse(expectedRemaining.isEmpty(), "a predicate that leaves rows");
      return matchedRows.size();
    }
  }

  /**
   * A delete carried out by hand on a table of several row groups per file: the matched indexes
   * are exactly the positions of the matching ids, and after writing them as deletion vectors a
   * read of each file returns its remaining rows, in file order.
   */
  @Test
  void deleteThroughDeletionVectorsAcrossRowGroups() throws IOException {
    long rowsPerFile = 30_000;
    GeneratedTable.Written generated = GeneratedTable.write(dir.resolve("t"), 2, rowsPerFile, 64 << 10, 1);
    assertTrue(generated.minRowGroupsPerFile() >= 2, "row groups per file: " + generated.minRowGroupsPerFile());
    Predicate predicate = lessThan("value", 10.0);
    try (DeltaTable table = DeltaTable.open(generated.root().toString())) {
      Snapshot snapshot = table.snapshot();
      FileRowMatcher matcher = matcher(snapshot, predicate);
      List<AddFile> files = snapshot.addFiles().toList();
      List<RowMatches> matches = new ArrayList<>();
      for (int f = 0; f < files.size(); f++) {
        RowMatches m = matcher.match(files.get(f));
        DeletedRowsBuilder expected = new DeletedRowsBuilder();
        long first = Long.parseLong(files.get(f).stats().orElseThrow().replaceAll(".*\"minValues\":\\{\"id\":(\\d+).*", "$1"));
        for (long row = 0; row < rowsPerFile; row++) {
          if (GeneratedTable.value(first + row) < 10.0) {
            expected.add(row);
          }
        }
        assertEquals(expected.build(), m.matched());
        assertEquals(rowsPerFile, m.liveRows());
        assertTrue(!m.noneMatch() && !m.allMatch());
        matches.add(m);
      }
      DeletionVectorFile written = DeletionVectorWriter.write(storage, snapshot.root(), snapshot.table(),
          matches.stream().map(RowMatches::deletedAfter).toList());

      // Second round, on the files with their new vectors: nothing matches any more.
      List<AddFile> after = new ArrayList<>();
      for (int f = 0; f < files.size(); f++) {
        after.add(withVector(files.get(f), written.vectors().get(f)));
        RowMatches again = matcher.match(after.get(f));
        assertTrue(again.noneMatch());
        assertEquals(matches.get(f).deletedAfter(), again.deleted());
        assertEquals(rowsPerFile - matches.get(f).matched().cardinality(), again.liveRows());
      }
      ScanPlan deleted = new ScanPlan(storage, snapshot.root(), snapshot.table(), snapshot.schema(), List.of(),
          ColumnMappingMode.NONE, null, null, () -> CloseableIterator.of(after.iterator()));
      List<String> expected = new ArrayList<>();
      for (int f = 0; f < files.size(); f++) {
        expected.addAll(strings(matcher.remainingRows(files.get(f), matches.get(f))));
      }
      assertEquals(expected, strings(deleted.rows()), "same rows, same order");
      assertEquals(strings(snapshot.scan().filter(or(greaterThanOrEqual("value", 10.0), isNull("value"))).rows()),
          expected);
    }
  }

  /** A file whose every live row matches, and one whose statistics rule it out. */
  @Test
  void allAndNone() {
    try (DeltaTable table = DeltaTable.open(TESTS_DATA.resolve("dv-keys").toString())) {
      Snapshot snapshot = table.snapshot();
      FileRowMatcher matcher = matcher(snapshot, lessThan("id", 20L)); // A (0-9) and B (10-19), not C
      for (AddFile file : snapshot.addFiles().toList()) {
        RowMatches m = matcher.match(file);
        boolean c = !matcher.mightMatch(file);
        assertEquals(c, m.noneMatch(), file.path());
        assertEquals(!c, m.allMatch(), file.path());
        assertEquals(c ? 10 : 10 - file.deletionVector().orElseThrow().cardinality(), m.liveRows());
        assertEquals(c ? DeletedRows.none() : m.deleted().union(m.matched()), m.deletedAfter());
      }
      RowMatches a = matcher.match(snapshot.addFiles().toList().stream()
          .filter(f -> f.path().startsWith("part-00000-")).findFirst().orElseThrow());
      assertArrayEquals(new long[] {0, 1, 3, 4, 6, 9}, a.matched().toArray()); // ids 2, 5, 7, 8 deleted
    }
  }

  @Test
  void moreMatchesThanLiveRowsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RowMatches(DeletedRows.none(), DeletedRows.of(1, 2), 1));
    assertEquals("2 rows match, more than the 1 live rows", e.getMessage());
  }

  private FileRowMatcher matcher(Snapshot snapshot, Predicate predicate) {
    return new FileRowMatcher(storage, snapshot.root(), snapshot.table(), snapshot.schema(),
        snapshot.partitionColumns(), ColumnMappingMode.fromProperties(snapshot.properties()), predicate);
  }

  private ScanPlan plan(Snapshot snapshot) {
    return new ScanPlan(storage, snapshot.root(), snapshot.table(), snapshot.schema(), snapshot.partitionColumns(),
        ColumnMappingMode.fromProperties(snapshot.properties()), null, null, snapshot::addFiles);
  }

  private static AddFile withVector(AddFile f, DeletionVectorDescriptor dv) {
    return new AddFile(f.path(), f.partitionValues(), f.size(), f.modificationTime(), f.dataChange(), f.stats(),
        f.tags(), Optional.of(dv), f.baseRowId(), f.defaultRowCommitVersion(), f.clusteringProvider());
  }

  private static List<String> strings(CloseableIterator<Row> rows) {
    try (rows) {
      List<String> out = new ArrayList<>();
      rows.forEachRemaining(r -> out.add(r.toString()));
      return out;
    }
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }
}
