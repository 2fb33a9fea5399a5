package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.Row;
import io.delta4j.storage.LocalStorage;
import io.delta4j.types.DataType;
import io.delta4j.types.DecimalType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wide table: 60 columns (int, long, double, low-cardinality string, decimal(10,2) as INT64) of
 * 50,000 rows, read whole through the typed getters. Checks a sum over every value and prints the
 * throughput, so that a regression in the per-value path shows.
 */
class WideTableThroughputTest {
  static final int ROWS = 50_000;
  static final int GROUPS = 12; // of each of the 5 kinds

  @TempDir Path dir;

  @Test
  void readsEveryValueOfAWideFile() throws IOException {
    StringBuilder parquet = new StringBuilder("message wide {");
    List<StructField> fields = new ArrayList<>();
    for (int c = 0; c < GROUPS; c++) {
      parquet.append(" optional int32 i").append(c).append("; optional int64 l").append(c)
          .append("; optional double d").append(c).append("; optional binary s").append(c)
          .append(" (STRING); optional int64 m").append(c).append(" (DECIMAL(10,2));");
      fields.add(field("i" + c, PrimitiveType.INTEGER));
      fields.add(field("l" + c, PrimitiveType.LONG));
      fields.add(field("d" + c, PrimitiveType.DOUBLE));
      fields.add(field("s" + c, PrimitiveType.STRING));
      fields.add(field("m" + c, new DecimalType(10, 2)));
    }
    parquet.append(" }");
    List<Consumer<Group>> rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      int row = r;
      rows.add(g -> {
        for (int c = 0; c < GROUPS; c++) {
          if ((row + c) % 10 == 0) {
            continue; // a null in every column, one row in ten
          }
          g.append("i" + c, row).append("l" + c, (long) row * c).append("d" + c, row * 0.5)
              .append("s" + c, "v" + (row % 100)).append("m" + c, (long) row);
        }
      });
    }
    Path file = TestParquet.write(dir.resolve("wide.parquet"), parquet.toString(), 128L * 1024 * 1024, rows);
    StructType schema = new StructType(fields);

    long expected = -1;
    double best = Double.MAX_VALUE;
    for (int pass = 0; pass < 5; pass++) {
      long start = System.nanoTime();
      long sum = sumAll(file, schema);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
      if (expected < 0) {
        expected = sum;
      }
      assertEquals(expected, sum);
    }
    System.out.printf("wide table: %,d rows x %d columns in %.3f s = %,.0f rows/s (%,.0f values/s, best of 5 passes)%n",
        ROWS, fields.size(), best, ROWS / best, ROWS * (double) fields.size() / best);
    assertEquals(expectedSum(), expected);
  }

  private static long sumAll(Path file, StructType schema) {
    long sum = 0;
    int columns = schema.length();
    try (ParquetRowReader reader = ParquetRowReader.open(new LocalStorage(), file.toUri(), OptionalLong.empty(),
        schema, ColumnMappingMode.NONE, "test", "wide.parquet")) {
      while (reader.hasNext()) {
        RowBatch batch = reader.next();
        for (int i = 0; i < batch.size(); i++) {
          Row r = batch.row(i);
          for (int c = 0; c < columns; c += 5) {
            if (r.isNullAt(c)) {
              continue;
            }
            sum += r.getInt(c) + r.getLong(c + 1) + (long) r.getDouble(c + 2) + r.getString(c + 3).length()
                + r.getDecimal(c + 4).unscaledValue().longValue();
          }
        }
      }
    }
    return sum;
  }

  private static long expectedSum() {
    long sum = 0;
    for (long row = 0; row < ROWS; row++) {
      for (int c = 0; c < GROUPS; c++) {
        if ((row + c) % 10 != 0) {
          sum += row + row * c + (long) (row * 0.5) + ("v" + (row % 100)).length() + row;
        }
      }
    }
    return sum;
  }

  private static StructField field(String name, DataType type) {
    return new StructField(name, type, true);
  }
}
