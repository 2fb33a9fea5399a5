package io.delta4j.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.CommitResult;
import io.delta4j.DeltaTable;
import io.delta4j.InvalidRowException;
import io.delta4j.Row;
import io.delta4j.TableAlreadyExistsException;
import io.delta4j.expr.Predicates;
import io.delta4j.types.PrimitiveType;
import io.delta4j.types.StructField;
import io.delta4j.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionTest {
  static final StructType SCHEMA = new StructType(List.of(
      new StructField("id", PrimitiveType.LONG, false),
      new StructField("name", PrimitiveType.STRING, true),
      new StructField("date", PrimitiveType.STRING, true)));

  @TempDir Path dir;

  static List<Map<String, Object>> rows(long from, long to, String date) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      rows.add(Map.of("id", i, "name", "n" + i, "date", date));
    }
    return rows;
  }

  static Map<Long, String> content(DeltaTable t) {
    Map<Long, String> out = new TreeMap<>();
    try (CloseableIterator<Row> it = t.snapshot().scan().rows()) {
      it.forEachRemaining(r -> out.put(r.getLong("id"), r.getString("name") + "@" + r.getString("date")));
    }
    return out;
  }

  @Test
  void createAppendOverwriteDelete() {
    String path = dir.resolve("t").toString();
    DeltaTable t = DeltaTable.create(path, SCHEMA, List.of("date"), Map.of());
    assertEquals(0, t.version());
    assertThrows(TableAlreadyExistsException.class, () -> DeltaTable.create(path, SCHEMA, List.of(), Map.of()));

    CommitResult r = t.newTransaction().append(rows(0, 10, "2024-01-01")).append(rows(10, 20, "a:b/c d")).commit();
    assertEquals(1, r.version());
    assertEquals(1, r.attempts());
    assertEquals("20", r.operationMetrics().get("numOutputRows"));
    assertEquals(1, t.version());
    assertEquals(20, content(DeltaTable.open(path)).size());
    assertTrue(Files.isDirectory(dir.resolve("t/date=a%3Ab%2Fc d")), "hive-escaped partition directory");

    t.newTransaction().delete(Predicates.equal("date", "2024-01-01")).commit();
    Map<Long, String> after = content(DeltaTable.open(path));
    assertEquals(10, after.size());
    assertTrue(after.values().stream().allMatch(v -> v.endsWith("@a:b/c d")));

    t.newTransaction().overwrite(rows(100, 103, "x")).commit();
    assertEquals(List.of(100L, 101L, 102L), new ArrayList<>(content(DeltaTable.open(path)).keySet()));
    assertEquals(3, DeltaTable.open(path).version());
  }

  @Test
  void idempotentAppVersion() {
    String path = dir.resolve("t").toString();
    DeltaTable t = DeltaTable.create(path, SCHEMA, List.of(), Map.of());
    assertTrue(t.newTransaction().withAppVersion("ingest-7", 42).append(rows(0, 5, "d")).commit().committed());
    CommitResult replay = t.newTransaction().withAppVersion("ingest-7", 42).append(rows(0, 5, "d")).commit();
    assertFalse(replay.committed());
    assertEquals(1, replay.version());
    assertEquals(1, DeltaTable.open(path).version());
    assertEquals(5, content(t).size());
  }

  @Test
  void badRowIsRefusedWithItsPosition() {
    String path = dir.resolve("t").toString();
    DeltaTable t = DeltaTable.create(path, SCHEMA, List.of(), Map.of());
    InvalidRowException e = assertThrows(InvalidRowException.class,
        () -> t.newTransaction().append(List.of(Map.of("id", 1L), Map.of("id", "two"))).commit());
    assertEquals(path + ": Cannot write row 2: column \"id\" is long, got String two.", e.getMessage());
    assertEquals(0, DeltaTable.open(path).version());
  }
}
