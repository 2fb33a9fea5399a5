package io.delta4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.delta4j.CloseableIterator;
import io.delta4j.DeltaTable;
import io.delta4j.HistoryEntry;
import io.delta4j.Snapshot;
import io.delta4j.log.ActionWriter;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DeltaTable.refresh()} on a copy of tests-data/simple (README: version 2, live p0, p1, p2):
 * a commit written after the table was opened becomes visible only through refresh, and snapshots
 * taken before stay as they were.
 */
class TestDataRefreshTest {
  private static final Path SIMPLE = Path.of("tests-data/simple");
  private static final String P0 = "part-00000-0125aad2-a97c-3d3e-b6e3-5392cc504181.c000.snappy.parquet";
  private static final String P1 = "part-00001-4e9f0db8-3131-3dce-9ff8-029976c6dffa.c000.snappy.parquet";
  private static final String P2 = "part-00002-e3347e1b-787e-307e-815d-b824133d08be.c000.snappy.parquet";
  private static final String P3 = "part-00003-refresh.c000.snappy.parquet";
  private static final long T3 = 1704067200000L + 3 * 3_600_000L; // the README's T0 + 3 h

  @TempDir Path dir;

  @Test
  void refreshSeesAHandWrittenCommitAndLeavesTheOldSnapshotAlone() throws IOException {
    Path table = copy(SIMPLE, dir.resolve("simple"));
    try (DeltaTable t = DeltaTable.open(table.toString())) {
      Snapshot before = t.snapshot();
      assertEquals(2, before.version());
      assertEquals(Set.of(P0, P1, P2), Set.copyOf(t.getFiles()));

      appendCommit(table, 3, List.of(
          new CommitInfo(OptionalLong.of(T3), OptionalLong.empty(), Optional.of("WRITE"), Map.of(), OptionalLong.of(2),
              Optional.empty(), Optional.of(false), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
              "{\"timestamp\":" + T3 + ",\"operation\":\"WRITE\",\"operationParameters\":{\"mode\":\"Append\"},"
                  + "\"readVersion\":2,\"isBlindAppend\":false}"),
          new RemoveFile(P0, OptionalLong.of(T3), true /* dataChange */, Optional.empty(), Optional.empty(),
              OptionalLong.empty(), Optional.empty(), Map.of(), Optional.empty(), OptionalLong.empty(),
              OptionalLong.empty()),
          new AddFile(P3, Map.of(), 100 /* size */, T3, true /* dataChange */,
              Optional.of("{\"numRecords\":2}"), Map.of(), Optional.empty(), OptionalLong.empty(),
              OptionalLong.empty(), Optional.empty()),
          new SetTransaction("refresh-test", 1, OptionalLong.of(T3))));
      assertEquals(2, t.version(), "a new commit is not seen before refresh()");

      Snapshot after = t.refresh();
      assertEquals(3, after.version());
      assertSame(after, t.snapshot());
      assertEquals(3, t.version());
      assertEquals(Set.of(P1, P2, P3), Set.copyOf(t.getFiles()));
      assertEquals(List.of(P0), tombstones(after));
      assertEquals(OptionalLong.of(1), after.appTransactionVersion("refresh-test"));
      HistoryEntry newest = t.history(1).get(0);
      assertEquals(3, newest.version());
      assertEquals(Optional.of("WRITE"), newest.commitInfo().flatMap(CommitInfo::operation));
      assertSame(after, t.refresh(), "nothing new: the same snapshot");

      // The snapshot taken before is unchanged, and version 2 still reads as it did.
      assertEquals(2, before.version());
      assertEquals(Set.of(P0, P1, P2), Set.copyOf(Actuals.paths(before)));
      assertEquals(List.of(), tombstones(before));
      assertEquals(OptionalLong.empty(), before.appTransactionVersion("refresh-test"));
      assertEquals(Set.of(P0, P1, P2), Set.copyOf(Actuals.paths(t.snapshotAt(2))));

      // Applying the new commit to the held state gives what a full replay gives.
      try (DeltaTable reopened = DeltaTable.open(table.toString())) {
        assertEquals(3, reopened.version());
        assertEquals(Set.copyOf(reopened.getFiles()), Set.copyOf(t.getFiles()));
        assertEquals(tombstones(reopened.snapshot()), tombstones(after));
      }
    }
    assertEquals(List.of("00000000000000000000.json", "00000000000000000001.json", "00000000000000000002.json"),
        logFiles(SIMPLE), "tests-data itself is untouched");
  }

  private static void appendCommit(Path table, long version, List<? extends Action> actions)
      throws IOException {
    Path commit = table.resolve("_delta_log").resolve(String.format("%020d.json", version));
    Files.write(commit, ActionWriter.toCommitBytes(actions), StandardOpenOption.CREATE_NEW);
  }

  private static List<String> tombstones(Snapshot snapshot) {
    try (CloseableIterator<RemoveFile> removes = snapshot.tombstones()) {
      return removes.stream().map(RemoveFile::path).toList();
    }
  }

  private static List<String> logFiles(Path table) throws IOException {
    try (Stream<Path> files = Files.list(table.resolve("_delta_log"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static Path copy(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return target;
  }
}
