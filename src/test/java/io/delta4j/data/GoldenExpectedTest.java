package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.SharedTables;
import io.delta4j.log.action.AddFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel-rs golden table with an {@code expected/} folder: all data files of the latest
 * snapshot, read with the table's data schema, give the expected rows (as a multiset, with types).
 * The expected files are read by the same reader, with the Spark schema in their footers; the
 * hand-written value tests ({@link NestedValuesTest}, {@link DecimalValuesTest},
 * {@link TimestampValuesTest}, ...) keep a reader bug from cancelling out here.
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

  /**
   * Tables with deletion vectors (which the scan layer applies) must give the expected rows plus
   * exactly as many others as the vectors delete.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void dataFilesGiveTheExpectedRows(String name) {
    Path dir = SharedTables.root().resolve("kernel-rs-data/golden_data").resolve(name);
    long deleted = deletedRows(dir.resolve("delta"));
    TableRows.Read read = TableRows.table(dir.resolve("delta"));
    List<List<Object>> expected = Plain.sorted(TableRows.expected(dir.resolve("expected"), read.schema()));
    List<List<Object>> actual = Plain.sorted(read.rows());
    assertEquals(expected.size() + deleted, actual.size(), name + ": row count");
    if (deleted == 0) {
      assertEquals(expected, actual, name);
    } else {
      Map<List<Object>, Integer> left = new HashMap<>();
      actual.forEach(r -> left.merge(r, 1, Integer::sum));
      for (List<Object> row : expected) {
        assertTrue(left.merge(row, -1, Integer::sum) >= 0, name + ": missing " + row);
      }
    }
  }

  /** The rows the table's deletion vectors delete. */
  private static long deletedRows(Path table) {
    long deleted = 0;
    try (DeltaTable t = DeltaTable.open(table.toString());
        CloseableIterator<AddFile> adds = t.snapshot().addFiles()) {
      while (adds.hasNext()) {
        deleted += adds.next().deletionVector().map(dv -> dv.cardinality()).orElse(0L);
      }
    }
    return deleted;
  }
}
