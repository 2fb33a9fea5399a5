package io.delta4j;

import static io.delta4j.TableCopies.T0;
import static io.delta4j.TableCopies.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Protocol;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeltaTable#cleanupLog()}: what it deletes, and that every version it keeps stays readable. */
class LogCleanupTest {
  /** Long before any cutoff these tests use. */
  static final long OLD = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

  @TempDir Path dir;

  static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  static List<URI> logFiles(Path root, String... names) {
    return Stream.of(names).map(n -> root.resolve(LogFileNames.LOG_DIR).resolve(n).toUri()).toList();
  }

  static List<URI> commits(Path root, long from, long to) {
    List<URI> out = new ArrayList<>();
    for (long v = from; v <= to; v++) {
      out.add(root.resolve(LogFileNames.LOG_DIR).resolve(LogFileNames.commit(v)).toUri());
    }
    return out;
  }

  static List<String> logNames(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(LogFileNames.LOG_DIR))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Versions {@code from}..{@code latest} load with {@code files[v - from]} files; older ones are gone. */
  static void assertReadableFrom(Path root, long from, long latest, int... files) {
    for (long v = 0; v < from; v++) {
      long version = v;
      VersionNotFoundException e =
          assertThrows(VersionNotFoundException.class, () -> DeltaTable.open(root.toString(), version).close());
      assertEquals(from, e.earliestVersion());
    }
    for (long v = from; v <= latest; v++) {
      try (DeltaTable table = DeltaTable.open(root.toString(), v)) {
        assertEquals(files[(int) (v - from)], table.getFiles().size(), "files at version " + v);
        assertEquals(2L * files[(int) (v - from)], table.snapshot().scan().count(), "rows at version " + v);
      }
    }
  }

  @Test
  void keepsTheNewestCheckpointBeforeTheCutoffAndEverythingAfterIt() throws IOException {
    Path root = TableCopies.copy("people", dir);
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      // 30 days before: 2024-01-16, after all 13 commits (T0 .. T0 + 12 h); the checkpoint is at 10.
      LogCleanupResult result = table.cleanupLog(at("2024-02-15T12:00:00Z"));
      assertEquals(new LogCleanupResult(OptionalLong.of(10), 10, commits(root, 0, 9)), result);
      assertEquals(12, table.version());
      assertEquals(11, table.getFiles().size());
    }
    assertEquals(List.of("00000000000000000010.checkpoint.parquet", "00000000000000000010.json",
        "00000000000000000011.json", "00000000000000000012.json", "_last_checkpoint"), logNames(root));
    assertReadableFrom(root, 10, 12, 9, 10, 11);
    VersionNotFoundException e =
        assertThrows(VersionNotFoundException.class, () -> DeltaTable.open(root.toString(), 9));
    assertEquals(root + ": Cannot load version 9: the log was truncated by retention; the earliest available"
        + " version is 10.", e.getMessage());
  }

  @Test
  void commitAgesAreInCommitTimestampsCountedInWholeUtcDays() throws IOException {
    Path root = TableCopies.copy("people", dir);
    TableCopies.setModificationTimes(root, OLD); // by file times, everything would have expired
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      // The cutoff is midnight of 2024-01-01: only commit 0 (exactly at midnight) is that old, and no
      // checkpoint is at or before it.
      assertEquals(new LogCleanupResult(OptionalLong.empty(), 0, List.of()),
          table.cleanupLog(at("2024-01-31T23:59:59.999Z")));
      assertEquals(14 + 1, logNames(root).size());
      // A millisecond later the cutoff moves to midnight of 2024-01-02, after every commit.
      assertEquals(commits(root, 0, 9), table.cleanupLog(at("2024-02-01T00:00:00Z")).files());
    }
    assertReadableFrom(root, 10, 12, 9, 10, 11);
  }

  @Test
  void withoutACheckpointNothingIsDeleted() throws IOException {
    Path root = TableCopies.copy("simple", dir);
    TableCopies.setModificationTimes(root, OLD);
    List<String> before = logNames(root);
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      assertEquals(new LogCleanupResult(OptionalLong.empty(), 0, List.of()), table.cleanupLog());
    }
    assertEquals(before, logNames(root));
  }

  @Test
  void deletesEveryPartOfOlderCheckpointsWithTheirChecksumsAndCompactions() throws IOException {
    Path root = TableCopies.copy("multipart-checkpoint", dir);
    Path log = root.resolve(LogFileNames.LOG_DIR);
    write(log.resolve("00000000000000000002.crc"), 10, OLD);
    write(log.resolve("00000000000000000003.crc"), 10, OLD);
    write(log.resolve("00000000000000000002.00000000000000000003.compacted.json"), 10, OLD);
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      assertEquals(3, table.checkpoint()); // the held snapshot still replays the 2-part checkpoint at 2
      TableCopies.setModificationTimes(root, OLD);
      LogCleanupResult result = table.cleanupLog();
      assertEquals(new LogCleanupResult(OptionalLong.of(3), 1, logFiles(root,
          "00000000000000000002.00000000000000000003.compacted.json",
          "00000000000000000002.checkpoint.0000000001.0000000002.parquet",
          "00000000000000000002.checkpoint.0000000002.0000000002.parquet",
          "00000000000000000002.crc", "00000000000000000002.json")), result);
      assertEquals(4, table.getFiles().size(), "the table reloads from the kept checkpoint");
      assertEquals(8, table.snapshot().scan().count());
    }
    assertEquals(List.of("00000000000000000003.checkpoint.parquet", "00000000000000000003.crc",
        "00000000000000000003.json", "_last_checkpoint"), logNames(root));
    assertReadableFrom(root, 3, 3, 4);
  }

  @Test
  void deletesOldSidecarsNoCheckpointReferences() throws IOException {
    Path root = TableCopies.copy("v2-checkpoint-json", dir);
    TableCopies.setModificationTimes(root, OLD);
    Path sidecars = root.resolve("_delta_log/_sidecars");
    long now = System.currentTimeMillis();
    write(sidecars.resolve("orphan-old.parquet"), 10, OLD);
    write(sidecars.resolve("orphan-young.parquet"), 10, now - 3_600_000); // maybe a checkpoint in progress
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      assertEquals(new LogCleanupResult(OptionalLong.of(2), 0, List.of(sidecars.resolve("orphan-old.parquet").toUri())),
          table.cleanupLog());
    }
    try (Stream<Path> left = Files.list(sidecars)) {
      assertEquals(Set.of("0e1c31c7-245c-31ed-8fbf-245fa414c9c0.parquet", "20d6ee3e-6056-3089-bb8a-6ec001793f7a.parquet",
          "orphan-young.parquet"), Set.copyOf(left.map(p -> p.getFileName().toString()).toList()));
    }
    assertReadableFrom(root, 2, 3, 3, 4);
  }

  @Test
  void sidecarsOfDeletedV2CheckpointsGoAndThoseOfKeptOnesStay() throws IOException {
    Path root = TableCopies.copy("v2-checkpoint-parquet", dir);
    Path sidecars = root.resolve("_delta_log/_sidecars");
    List<String> oldSidecars;
    try (Stream<Path> listed = Files.list(sidecars)) {
      oldSidecars = listed.map(p -> p.getFileName().toString()).sorted().toList();
    }
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      assertEquals(3, table.checkpoint()); // V2 (delta.checkpointPolicy=v2), with sidecars of its own
      TableCopies.setModificationTimes(root, OLD);
      LogCleanupResult result = table.cleanupLog();
      List<URI> expected = new ArrayList<>(logFiles(root,
          "00000000000000000002.checkpoint.74f8d86b-6ef8-3131-b4aa-decf5dbc6e8e.parquet", "00000000000000000002.json"));
      oldSidecars.forEach(name -> expected.add(sidecars.resolve(name).toUri()));
      assertEquals(new LogCleanupResult(OptionalLong.of(3), 1, expected), result);
      assertEquals(4, table.getFiles().size());
    }
    try (Stream<Path> left = Files.list(sidecars)) {
      assertTrue(left.findAny().isPresent(), "the new checkpoint's sidecars stay");
    }
    assertReadableFrom(root, 3, 3, 4);
  }

  @Test
  void unknownWriterFeaturesAreRefused() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, new Protocol(1, 7, Set.of(), Set.of("futureLogLayout")), TestLog.metadata(Map.of()));
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class, table::cleanupLog);
      assertTrue(e.getMessage().startsWith(dir + ": Cannot clean up the log of table: requires writer features"
          + " [futureLogLayout]; delta4j can clean up the log of tables with: ["), e.getMessage());
    }
  }
}
