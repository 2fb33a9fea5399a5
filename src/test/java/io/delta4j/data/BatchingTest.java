package io.delta4j.data;

import io.delta4j.types.ColumnMappingMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.Row;
import io.delta4j.storage.LocalStorage;
import io.delta4j.types.ArrayType;
import io.delta4j.types.MapType;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of 10,000 rows with nested lists and maps in several row groups: batches stop at row
 * group ends and at {@link ParquetRowReader#BATCH_SIZE}, nested vectors grow past the batch size,
 * row indexes stay right, and rows stay valid after the reader has moved on.
 */
class BatchingTest {
  static final int ROWS = 10_000;
  static final String SCHEMA = "message m { required int64 id; optional group xs (LIST) { repeated group list {"
      + " optional int32 element; } } optional group m (MAP) { repeated group key_value { required binary key (UTF8);"
      + " optional group value { optional int64 v; } } } optional binary s (UTF8); }";

  @TempDir static Path dir;
  static Path file;

  /** Row i: xs = [i, i+1, ...] of i % 5 elements (null when i % 7 == 0, element 1 null when i % 3 == 0); m = {"k": {v: i}}. */
  @BeforeAll
  static void write() throws IOException {
    List<Consumer<Group>> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      int id = i;
      rows.add(g -> {
        g.append("id", (long) id);
        if (id % 7 != 0) {
          Group xs = g.addGroup("xs");
          for (int e = 0; e < id % 5; e++) {
            Group element = xs.addGroup("list");
            if (!(e == 1 && id % 3 == 0)) {
              element.append("element", id + e);
            }
          }
        }
        g.addGroup("m").addGroup("key_value").append("key", "k").addGroup("value").append("v", (long) id);
        g.append("s", "s" + (id % 10));
      });
    }
    file = TestParquet.write(dir.resolve("batches.parquet"), SCHEMA, 64 * 1024, rows);
  }

  static StructType schema() {
    return StructType.of(new StructField("id", PrimitiveType.LONG, false),
        new StructField("xs", new ArrayType(PrimitiveType.INTEGER, true), true),
        new StructField("m", new MapType(PrimitiveType.STRING,
            StructType.of(new StructField("v", PrimitiveType.LONG, true)), true), true),
        new StructField("s", PrimitiveType.STRING, true));
  }

  @Test
  void batchesRowIndexesAndValues() {
    List<Row> kept = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    try (ParquetRowReader reader = ParquetRowReader.open(new LocalStorage(), file.toUri(),
        OptionalLong.of(fileSize()), schema(), ColumnMappingMode.NONE, "test", "batches.parquet")) {
      while (reader.hasNext()) {
        RowBatch batch = reader.next();
        sizes.add(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          assertEquals(batch.row(i).getLong("id"), batch.rowIndex(i));
          kept.add(batch.row(i));
        }
      }
    }
    assertTrue(sizes.size() > 3, "several row groups: " + sizes);
    assertTrue(sizes.stream().allMatch(n -> n > 0 && n <= ParquetRowReader.BATCH_SIZE), sizes.toString());
    assertEquals(ROWS, kept.size());
    for (int i = 0; i < ROWS; i++) {
      Row r = kept.get(i); // read after the reader was closed
      assertEquals(i, r.getLong("id"));
      if (i % 7 == 0) {
        assertNull(r.getList("xs"));
      } else {
        List<Object> expected = new ArrayList<>();
        for (int e = 0; e < i % 5; e++) {
          expected.add(e == 1 && i % 3 == 0 ? null : i + e);
        }
        assertEquals(expected, r.getList("xs"), "row " + i);
      }
      assertEquals(List.of((long) i), Plain.value(r.getMap("m").get("k")));
      assertEquals("s" + (i % 10), r.getString("s"));
    }
  }

  /** Asking only for columns the file lacks reads no column chunk, yet gives every row. */
  @Test
  void onlyMissingColumnsReadsJustTheFooter() {
    StructType missing = StructType.of(new StructField("added", PrimitiveType.STRING, true));
    long rows = 0;
    long index = 0;
    try (ParquetRowReader reader = ParquetRowReader.open(new LocalStorage(), file.toUri(), OptionalLong.of(fileSize()),
        missing, ColumnMappingMode.NONE, "test", "batches.parquet")) {
      while (reader.hasNext()) {
        RowBatch batch = reader.next();
        for (int i = 0; i < batch.size(); i++) {
          assertNull(batch.row(i).get("added"));
          assertEquals(index++, batch.rowIndex(i));
        }
        rows += batch.size();
      }
      assertTrue(reader.bytesRead() < fileSize() / 4, reader.bytesRead() + " of " + fileSize());
    }
    assertEquals(ROWS, rows);
    assertEquals(ROWS, TableRows.file(file, new StructType(List.of()), ColumnMappingMode.NONE).size());
  }

  /** A projection fetches only the columns asked for. */
  @Test
  void projectionFetchesOnlyTheColumnsAskedFor() {
    StructType idOnly = StructType.of(new StructField("id", PrimitiveType.LONG, false));
    long idBytes;
    try (ParquetRowReader reader = ParquetRowReader.open(new LocalStorage(), file.toUri(), OptionalLong.of(fileSize()),
        idOnly, ColumnMappingMode.NONE, "test", "batches.parquet")) {
      reader.forEachRemaining(b -> { });
      idBytes = reader.bytesRead();
    }
    long allBytes;
    try (ParquetRowReader reader = ParquetRowReader.open(new LocalStorage(), file.toUri(), OptionalLong.of(fileSize()),
        schema(), ColumnMappingMode.NONE, "test", "batches.parquet")) {
      reader.forEachRemaining(b -> { });
      allBytes = reader.bytesRead();
    }
    assertTrue(idBytes * 2 < allBytes, idBytes + " vs " + allBytes);
  }

  private static long fileSize() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
