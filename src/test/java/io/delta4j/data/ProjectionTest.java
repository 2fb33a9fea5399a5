package io.delta4j.data;

import io.delta4j.SharedTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.Metadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading some action types fetches only their columns, and skips row groups that lack them. */
class ProjectionTest {
  static final Set<ActionType> STATE = EnumSet.of(ActionType.PROTOCOL, ActionType.METADATA, ActionType.TXN,
      ActionType.DOMAIN_METADATA, ActionType.CHECKPOINT_METADATA, ActionType.SIDECAR);
  static final int ADDS = 20_000;

  @TempDir static Path dir;
  static Path oneRowGroup;
  static Path manyRowGroups;

  private final CountingStorage storage = new CountingStorage();

  @BeforeAll
  static void writeCheckpoints() throws IOException {
    oneRowGroup = SyntheticCheckpoint.write(dir.resolve("one.parquet"), ADDS, 128L * 1024 * 1024);
    manyRowGroups = SyntheticCheckpoint.write(dir.resolve("many.parquet"), ADDS, 256L * 1024);
  }

  /** Reads everything wanted; returns {actions, bytes read, skipped row groups} via the reader. */
  private record Result(List<Action> actions, long bytes, int skipped, List<String> columns) {}

  private Result read(Path file, Set<ActionType> wanted) throws IOException {
    List<Action> out = new ArrayList<>();
    try (ParquetActionReader reader = ParquetActionReader.open(storage, file.toUri(), OptionalLong.empty(), wanted)) {
      for (Action a = reader.next(); a != null; a = reader.next()) {
        out.add(a);
      }
      return new Result(out, reader.bytesRead(), reader.skippedRowGroups(), reader.requestedColumns());
    }
  }

  @Test
  void requestedColumnsAreOnlyTheWantedFieldsTheRecordsCarry() throws IOException {
    List<String> state = read(oneRowGroup, STATE).columns();
    assertTrue(state.stream().noneMatch(c -> c.startsWith("add.") || c.startsWith("remove.")), state.toString());
    assertTrue(state.contains("metaData.id") && state.contains("protocol.minReaderVersion"), state.toString());

    List<String> adds = read(oneRowGroup, Set.of(ActionType.ADD)).columns();
    assertEquals(List.of("add.path", "add.partitionValues.key_value.key", "add.partitionValues.key_value.value",
        "add.size", "add.modificationTime", "add.dataChange", "add.stats", "add.tags.key_value.key",
        "add.tags.key_value.value", "add.deletionVector.storageType", "add.deletionVector.pathOrInlineDv",
        "add.deletionVector.offset", "add.deletionVector.sizeInBytes", "add.deletionVector.cardinality"), adds);
  }

  @Test
  void readingStateFetchesFarFewerBytesThanReadingFiles() throws IOException {
    long size = Files.size(oneRowGroup);
    Result state = read(oneRowGroup, STATE);
    Result files = read(oneRowGroup, Set.of(ActionType.ADD, ActionType.REMOVE));
    assertEquals(2, state.actions().size());
    assertEquals(ADDS, files.actions().size());
    System.out.printf("synthetic checkpoint, 1 row group, %d bytes: state pass read %d bytes, file pass %d bytes%n",
        size, state.bytes(), files.bytes());
    assertTrue(state.bytes() * 50 < files.bytes(), state.bytes() + " vs " + files.bytes());
    assertTrue(storage.bytesRead() <= 2 * size, "read more than the file twice: " + storage.bytesRead());
  }

  @Test
  void rowGroupsWithoutWantedActionsAreSkipped() throws IOException {
    Result state = read(manyRowGroups, STATE);
    Result files = read(manyRowGroups, Set.of(ActionType.ADD));
    Result all = read(manyRowGroups, Set.of(ActionType.ADD, ActionType.METADATA));
    System.out.printf("synthetic checkpoint, %d bytes in row groups of 256 KiB: state pass read %d bytes and"
            + " skipped %d row groups; add pass read %d bytes%n",
        Files.size(manyRowGroups), state.bytes(), state.skipped(), files.bytes());
    assertTrue(state.skipped() > 3, "skipped " + state.skipped());
    assertEquals(2, state.actions().size());
    assertEquals(ADDS, files.actions().size());
    assertEquals(0, files.skipped()); // the first row group has adds too
    assertEquals(ADDS + 1, all.actions().size());
    assertTrue(all.actions().get(0) instanceof Metadata);
    AddFile last = (AddFile) files.actions().get(ADDS - 1);
    assertEquals(1000L + ADDS - 1, last.size());
  }

  @Test
  void realCheckpointProjection() throws IOException {
    Path file = SharedTables.file("golden/kernel/kernel-pagination-single-checkpoint/_delta_log/00000000000000000010.checkpoint.parquet");
    Result state = read(file, STATE);
    Result adds = read(file, Set.of(ActionType.ADD));
    Result none = read(file, Set.of(ActionType.SIDECAR)); // no such column: only the footer is read
    System.out.printf("kernel-pagination-single-checkpoint, %d bytes: state %d, add %d, footer only %d bytes%n",
        Files.size(file), state.bytes(), adds.bytes(), none.bytes());
    assertEquals(List.of(), none.columns());
    assertTrue(none.bytes() < state.bytes() && state.bytes() < adds.bytes());
    assertFalse(adds.columns().contains("add.deletionVector.maxRowIndex"));
  }

  @Test
  void stateReadStopsOnceTheActionsTheFooterCountsAreFound() throws IOException {
    // Protocol and metadata are the first two of 20,002 rows: the rest is never decoded.
    try (ParquetActionReader reader = ParquetActionReader.open(storage, oneRowGroup.toUri(), OptionalLong.empty(), STATE)) {
      assertTrue(reader.next() != null && reader.next() != null);
      assertEquals(null, reader.next());
      assertEquals(2, reader.rowsRead());
    }
    // Delta wrote this checkpoint's protocol and metadata as rows 83 and 84 of 102.
    Path middle = SharedTables.file("delta-rs-data/data_err_logs/table_a/_delta_log/00000000000000000010.checkpoint.parquet");
    try (ParquetActionReader reader = ParquetActionReader.open(storage, middle.toUri(), OptionalLong.empty(), STATE)) {
      assertTrue(reader.next() != null && reader.next() != null);
      assertEquals(null, reader.next());
      assertEquals(84, reader.rowsRead());
    }
    // File actions are read to the end, so that a malformed one still fails.
    try (ParquetActionReader reader = ParquetActionReader.open(storage, oneRowGroup.toUri(), OptionalLong.empty(),
        Set.of(ActionType.ADD))) {
      while (reader.next() != null) {
        // drain
      }
      assertEquals(ADDS + 2, reader.rowsRead());
    }
  }

  @Test
  void oneOpenPerReadWithoutKnownLength() throws IOException {
    read(oneRowGroup, STATE);
    assertEquals(1, storage.opens());
  }
}
