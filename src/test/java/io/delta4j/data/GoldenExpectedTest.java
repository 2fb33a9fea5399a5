package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.SharedTables;
import io.delta4j.log.action.AddFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel-rs golden table with an {@code expected/} folder: all data files of the latest
 * snapshot, read with the table's data schema, give the expected rows (as a multiset, with types).
 * The expected files are read by the same reader, with the Spark schema in their footers; the
 * hand-written value tests ({@link GoldenValuesTest}) keep a reader bug from cancelling out here.
 */
class GoldenExpectedTest {
  /** Tested elsewhere: a million rows each ({@link DecimalDictionaryTest}). */
  private static final Set<String> ELSEWHERE = Set.of("parquet-decimal-dictionaries", "parquet-decimal-dictionaries-v2");

  static Stream<String> tables() {
    Path golden = SharedTables.find().map(r -> r.resolve("kernel-rs-data/golden_data")).orElse(null);
    if (golden == null || !Files.isDirectory(golden)) {
      return Stream.of("(shared tables absent)");
    }
    try (Stream<Path> dirs = Files.list(golden)) {
      return dirs.filter(d -> Files.isDirectory(d.resolve("expected")) && Files.isDirectory(d.resolve("delta")))
          .map(d -> d.getFileName().toString())
          .filter(n -> !ELSEWHERE.contains(n))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void dataFilesGiveTheExpectedRows(String name) {
    Path dir = SharedTables.root().resolve("kernel-rs-data/golden_data").resolve(name);
    assumeFalse(hasDeletionVectors(dir.resolve("delta")), "deletion vectors are applied by the scan layer");
    TableRows.Read read = TableRows.table(dir.resolve("delta"));
    List<?> expected = Plain.sorted(TableRows.expected(dir.resolve("expected"), read.schema()));
    List<?> actual = Plain.sorted(read.rows());
    assertEquals(expected.size(), actual.size(), name + ": row count");
    assertEquals(expected, actual, name);
  }

  private static boolean hasDeletionVectors(Path table) {
    try (DeltaTable t = DeltaTable.open(table.toString());
        CloseableIterator<AddFile> adds = t.snapshot().addFiles()) {
      while (adds.hasNext()) {
        if (adds.next().deletionVector().isPresent()) {
          return true;
        }
      }
      return false;
    }
  }
}
