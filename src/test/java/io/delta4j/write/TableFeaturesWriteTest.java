package io.delta4j.write;

import static io.delta4j.write.TransactionTest.SCHEMA;
import static io.delta4j.write.TransactionTest.content;
import static io.delta4j.write.TransactionTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.AppendOnlyTableException;
import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.HistoryEntry;
import io.delta4j.expr.Predicates;
import io.delta4j.log.action.AddFile;
import io.delta4j.types.StructField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes to tables whose features change how commits and data files are written. */
class TableFeaturesWriteTest {
  @TempDir Path dir;

  @Test
  void inCommitTimestampsAreFirstAndIncreasing() throws Exception {
    String path = dir.resolve("t").toString();
    DeltaTable t = DeltaTable.create(path, SCHEMA, List.of(), Map.of("delta.enableInCommitTimestamps", "true"));
    assertTrue(t.snapshot().protocol().writerFeatures().contains("inCommitTimestamp"));
    for (int i = 0; i < 3; i++) {
      t.newTransaction().append(rows(i, i + 1, "d")).commit();
    }
    long previous = Long.MIN_VALUE;
    for (long v = 0; v <= 3; v++) {
      String first = Files.readAllLines(dir.resolve("t/_delta_log/" + String.format("%020d.json", v))).get(0);
      assertTrue(first.startsWith("{\"commitInfo\":{\"inCommitTimestamp\":"), first);
      long ict = t.snapshotAt(v).timestamp().toEpochMilli();
      assertTrue(first.contains("\"inCommitTimestamp\":" + ict + ","), first);
      assertTrue(ict > previous, "strictly increasing");
      previous = ict;
    }
    List<HistoryEntry> history = DeltaTable.open(path).history(10);
    assertEquals(4, history.size());
  }

  @Test
  void columnMappingWritesPhysicalNames() {
    String path = dir.resolve("t").toString();
    DeltaTable t = DeltaTable.create(path, SCHEMA, List.of("date"), Map.of("delta.columnMapping.mode", "name"));
    StructField date = t.snapshot().schema().field("date").orElseThrow();
    assertNotEquals("date", date.physicalName());
    t.newTransaction().append(rows(0, 5, "x")).commit();
    try (CloseableIterator<AddFile> adds = DeltaTable.open(path).snapshot().addFiles()) {
      AddFile add = adds.next();
      assertEquals(Map.of(date.physicalName(), "x"), add.partitionValues());
      assertTrue(add.stats().orElseThrow().contains(t.snapshot().schema().field("id").orElseThrow().physicalName()));
    }
    assertEquals(5, content(DeltaTable.open(path)).size());
    t.newTransaction().delete(Predicates.lessThan("id", 2L)).commit();
    assertEquals(3, content(DeltaTable.open(path)).size());
  }

  @Test
  void appendOnlyRefusesDeletes() {
    String path = dir.resolve("t").toString();
    DeltaTable t = DeltaTable.create(path, SCHEMA, List.of(), Map.of("delta.appendOnly", "true"));
    t.newTransaction().append(rows(0, 5, "x")).commit();
    assertThrows(AppendOnlyTableException.class, () -> t.newTransaction().delete(Predicates.lessThan("id", 2L)));
    assertThrows(AppendOnlyTableException.class, () -> t.newTransaction().overwrite(rows(0, 1, "x")));
    assertEquals(1, DeltaTable.open(path).version());
  }
}
