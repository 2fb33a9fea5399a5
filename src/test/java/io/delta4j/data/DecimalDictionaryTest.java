package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.Row;
import io.delta4j.SharedTables;
import io.delta4j.log.action.AddFile;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.Locations;
import io.delta4j.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * parquet-decimal-dictionaries(-v2): 1,000,000 rows (i, i % 5, i % 6, i % 2) with
 * dictionary-encoded decimals stored as INT32, INT64 and FIXED_LEN_BYTE_ARRAY, written with
 * Parquet's v1 and v2 pages (the v1 table's data file is only in kernel-rs's copy). Checked row by
 * row while streaming (nothing is kept), and timed: the test prints the reader's throughput.
 */
class DecimalDictionaryTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"golden/delta-golden/parquet-decimal-dictionaries-v2",
      "kernel-rs-data/golden_data/parquet-decimal-dictionaries/delta"})
  void millionRowsStreamWithExactValues(String location) {
    Path dir = SharedTables.root().resolve(location);
    String name = dir.getFileName().toString().equals("delta") ? dir.getParent().getFileName().toString()
        : dir.getFileName().toString();
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      StructType schema = table.snapshot().schema();
      List<AddFile> adds;
      try (CloseableIterator<AddFile> it = table.snapshot().addFiles()) {
        adds = it.toList();
      }
      assertEquals(1, adds.size());
      AddFile add = adds.get(0);

      // Timed passes that only touch the values (the reader's cost, not the checks'); the first
      // ones warm the JIT up, the best is printed.
      double best = Double.MAX_VALUE;
      for (int pass = 0; pass < 5; pass++) {
        long start = System.nanoTime();
        long sum = touchAll(table, add, schema);
        best = Math.min(best, (System.nanoTime() - start) / 1e9);
        assertEquals(expectedSum(), sum);
      }
      System.out.printf("%s: 1,000,000 rows x 4 columns in %.3f s = %,.0f rows/s (best of 5 passes)%n",
          name, best, 1_000_000 / best);

      boolean[] seen = new boolean[1_000_000];
      try (ParquetRowReader reader = open(table, add, schema)) {
        long n = 0;
        while (reader.hasNext()) {
          RowBatch batch = reader.next();
          for (int i = 0; i < batch.size(); i++) {
            Row r = batch.row(i);
            int id = r.getInt("id");
            assertEquals(n, batch.rowIndex(i));
            seen[id] = true;
            if (r.isNullAt(1) || !r.getDecimal(1).equals(BigDecimal.valueOf(id % 5))
                || !r.getDecimal(2).equals(BigDecimal.valueOf(id % 6))
                || !r.getDecimal(3).equals(BigDecimal.valueOf(id % 2))) {
              throw new AssertionError("row " + n + ": " + r);
            }
            n++;
          }
        }
        assertEquals(1_000_000, n);
      }
      for (int i = 0; i < seen.length; i++) {
        assertTrue(seen[i], "id " + i);
      }
    }
  }

  private static ParquetRowReader open(DeltaTable table, AddFile add, StructType schema) {
    return ParquetRowReader.open(new LocalStorage(), Locations.resolve(table.root(), add.path()),
        OptionalLong.of(add.size()), schema, ColumnMappingMode.NONE, table.name(), add.path());
  }

  /** Reads every value through the typed getters, summing them so that the work cannot be skipped. */
  private static long touchAll(DeltaTable table, AddFile add, StructType schema) {
    long sum = 0;
    try (ParquetRowReader reader = open(table, add, schema)) {
      while (reader.hasNext()) {
        RowBatch batch = reader.next();
        for (int i = 0; i < batch.size(); i++) {
          Row r = batch.row(i);
          sum += r.getInt(0) + r.getDecimal(1).longValue() + r.getDecimal(2).longValue() + r.getDecimal(3).longValue();
        }
      }
    }
    return sum;
  }

  private static long expectedSum() {
    long sum = 0;
    for (int i = 0; i < 1_000_000; i++) {
      sum += i + i % 5 + i % 6 + i % 2;
    }
    return sum;
  }
}
