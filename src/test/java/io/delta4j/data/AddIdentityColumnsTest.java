package io.delta4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.SharedTables;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing reads a checkpoint's add identity column by column ({@link AddIdentityColumns}); it must
 * give exactly what the converters give for the same fields, on every checkpoint of the corpus.
 */
class AddIdentityColumnsTest {
  private static final Set<ActionType> ADD = Set.of(ActionType.ADD);
  private final StorageBackend storage = new LocalStorage();

  @TempDir Path dir;

  /** What identity reading keeps of an add. */
  private record Identity(String path, long size, long modificationTime, String deletionVector) {
    static Identity of(AddFile a) {
      return new Identity(a.path(), a.size(), a.modificationTime(), a.deletionVector().map(Object::toString).orElse(""));
    }
  }

  private List<Identity> read(Path file, AddFields fields) throws IOException {
    return readAll(file, fields).stream().map(a -> Identity.of((AddFile) a)).toList();
  }

  private List<Action> readAll(Path file, AddFields fields) throws IOException {
    List<Action> out = new ArrayList<>();
    try (ParquetActionReader r = ParquetActionReader.open(storage, file.toUri(), OptionalLong.empty(), ADD, fields)) {
      for (Action a = r.next(); a != null; a = r.next()) {
        out.add(a);
      }
    }
    return out;
  }

  private List<String> columns(Path file, AddFields fields) throws IOException {
    try (ParquetActionReader r = ParquetActionReader.open(storage, file.toUri(), OptionalLong.empty(), ADD, fields)) {
      return r.requestedColumns();
    }
  }

  @Test
  void sameIdentityAsTheConvertersOnEveryCheckpointOfTheCorpus() throws IOException {
    Path root = SharedTables.root();
    List<Path> files = SharedTables.files(root, p -> {
      String name = p.getFileName().toString();
      return name.endsWith(".parquet") && (name.contains(".checkpoint") || p.getParent().endsWith("_sidecars"));
    });
    int checked = 0;
    int withVectors = 0;
    for (Path file : files) {
      List<Identity> all;
      try {
        all = read(file, AddFields.ALL);
      } catch (RuntimeException e) {
        continue; // the corpus's deliberately broken checkpoints: their errors are tested elsewhere
      }
      assertEquals(all, read(file, AddFields.IDENTITY), file.toString());
      checked++;
      withVectors += all.stream().anyMatch(i -> !i.deletionVector().isEmpty()) ? 1 : 0;
    }
    System.out.printf("identity columns: %d checkpoint and sidecar files compared, %d with deletion vectors%n",
        checked, withVectors);
    assertTrue(checked > 100, "compared " + checked);
    assertTrue(withVectors > 5, "with deletion vectors " + withVectors);
  }

  @Test
  void identityReadsOnlyItsColumnsAndLeavesTheRestEmpty() throws IOException {
    Path file = SyntheticCheckpoint.write(dir.resolve("c.parquet"), 100, 128L * 1024 * 1024);
    assertEquals(List.of("add.path", "add.size", "add.modificationTime", "add.deletionVector.storageType",
        "add.deletionVector.pathOrInlineDv", "add.deletionVector.sizeInBytes", "add.deletionVector.cardinality",
        "add.deletionVector.offset"), columns(file, AddFields.IDENTITY));
    AddFile first = (AddFile) readAll(file, AddFields.IDENTITY).get(0);
    AddFile full = (AddFile) readAll(file, AddFields.ALL).get(0);
    assertFalse(full.partitionValues().isEmpty() && full.stats().isEmpty());
    assertTrue(first.partitionValues().isEmpty() && first.stats().isEmpty() && first.tags().isEmpty());
    assertEquals(Identity.of(full), Identity.of(first));
  }

  @Test
  void nullPathIsMalformedAndNamesTheRow() throws IOException {
    Path file = TestParquet.write(dir.resolve("nulls.parquet"),
        "message m { optional group add { optional binary path (STRING); optional int64 size;"
            + " optional int64 modificationTime; } }",
        row -> row.addGroup("add").append("path", "a").append("size", 1L).append("modificationTime", 2L),
        row -> row.addGroup("add").append("size", 1L).append("modificationTime", 2L));
    MalformedActionException e = assertThrows(MalformedActionException.class, () -> readAll(file, AddFields.IDENTITY));
    assertEquals("row 2: add.path is null, but the protocol requires it", e.getMessage());
  }

  /** An add column whose deletion vector has no {@code offset} field. */
  private static final String WITHOUT_OFFSET = "message m { optional group add { optional binary path (STRING);"
      + " optional int64 size; optional int64 modificationTime; optional group deletionVector {"
      + " optional binary storageType (STRING); optional binary pathOrInlineDv (STRING); optional int32 sizeInBytes;"
      + " optional int64 cardinality; } } }";

  /** The deletion vector of a new add row "a", its fields still to be appended. */
  private static Group vector(Group row) {
    return row.addGroup("add").append("path", "a").append("size", 1L).append("modificationTime", 2L)
        .addGroup("deletionVector").append("storageType", "u").append("pathOrInlineDv", "x").append("sizeInBytes", 3);
  }

  @Test
  void vectorWithoutRequiredFieldIsMalformed() throws IOException {
    Path file = TestParquet.write(dir.resolve("dv.parquet"), WITHOUT_OFFSET, row -> vector(row));
    MalformedActionException e = assertThrows(MalformedActionException.class, () -> readAll(file, AddFields.IDENTITY));
    assertEquals("row 1: add.deletionVector.cardinality is null, but the protocol requires it", e.getMessage());
  }

  @Test
  void vectorWithoutOffsetColumnReadsAsNoOffset() throws IOException {
    Path file = TestParquet.write(dir.resolve("dv.parquet"), WITHOUT_OFFSET,
        row -> vector(row).append("cardinality", 4L),
        row -> row.addGroup("add").append("path", "b").append("size", 5L).append("modificationTime", 6L));
    assertEquals(read(file, AddFields.ALL), read(file, AddFields.IDENTITY));
    AddFile a = (AddFile) readAll(file, AddFields.IDENTITY).get(0);
    assertTrue(a.deletionVector().orElseThrow().offset().isEmpty());
  }

  @Test
  void unusualTypesGoThroughTheConverters() throws IOException {
    // size as INT32: the converters widen it; the column reader leaves such files to them
    Path file = TestParquet.write(dir.resolve("int32.parquet"),
        "message m { optional group add { optional binary path (STRING); optional int32 size;"
            + " optional int64 modificationTime; } }",
        row -> row.addGroup("add").append("path", "a").append("size", 7).append("modificationTime", 2L));
    assertEquals(columns(file, AddFields.ALL), columns(file, AddFields.IDENTITY));
    assertEquals(read(file, AddFields.ALL), read(file, AddFields.IDENTITY));
  }
}
