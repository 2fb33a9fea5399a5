package io.delta4j.write;

import static io.delta4j.write.TransactionTest.SCHEMA;
import static io.delta4j.write.TransactionTest.content;
import static io.delta4j.write.TransactionTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CloseableIterator;
import io.delta4j.CommitResult;
import io.delta4j.DeltaTable;
import io.delta4j.expr.Predicates;
import io.delta4j.log.action.AddFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class RowDeleteTest {
  @TempDir Path dir;

  static List<AddFile> adds(DeltaTable t) {
    List<AddFile> out = new ArrayList<>();
    try (CloseableIterator<AddFile> it = t.snapshot().addFiles()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void deletesSomeRowsOfFiles(boolean deletionVectors) {
    String path = dir.resolve("t").toString();
    Map<String, String> properties = deletionVectors ? Map.of("delta.enableDeletionVectors", "true") : Map.of();
    DeltaTable t = DeltaTable.create(path, SCHEMA, List.of("date"), properties);
    t.newTransaction().append(rows(0, 100, "d1")).append(rows(100, 200, "d2")).commit();

    CommitResult r = t.newTransaction().delete(Predicates.lessThan("id", 150L)).commit();
    assertEquals("150", r.operationMetrics().get("numDeletedRows"));
    assertEquals(deletionVectors ? "1" : "0", r.operationMetrics().get("numDeletionVectorsAdded"));
    assertEquals(deletionVectors ? "0" : "50", r.operationMetrics().get("numCopiedRows"));
    Map<Long, String> left = content(DeltaTable.open(path));
    assertEquals(50, left.size());
    assertTrue(left.keySet().stream().allMatch(id -> id >= 150));
    List<AddFile> live = adds(DeltaTable.open(path));
    assertEquals(1, live.size(), "d1's file is removed whole, d2's file stays (DV) or is rewritten");
    assertEquals(deletionVectors, live.get(0).deletionVector().isPresent());

    // A second delete on a file with a DV unions the vectors.
    t.newTransaction().delete(Predicates.equal("id", 199L)).commit();
    Map<Long, String> after = content(DeltaTable.open(path));
    assertEquals(49, after.size());
    if (deletionVectors) {
      assertEquals(51, adds(DeltaTable.open(path)).get(0).deletionVector().get().cardinality());
    }
  }
}
