package io.delta4j;

import static io.delta4j.TableCopies.T0;
import static io.delta4j.TableCopies.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeltaTable#vacuum}: which files it lists and deletes, and when it refuses. */
class VacuumTest {
  static final long DAY = Duration.ofDays(1).toMillis();
  static final long HOUR = Duration.ofHours(1).toMillis();
  static final String DV_FILE_OF_TOMBSTONE = "ab/deletion_vector_a0ef4684-15d0-304a-8ac2-3a37e5a536ac.bin";

  @TempDir Path dir;

  static Clock at(long millis) {
    return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  static List<URI> uris(Path root, String... relative) {
    return Stream.of(relative).map(r -> root.resolve(r).toUri()).sorted().toList();
  }

  static long size(Path root, String... relative) throws IOException {
    long total = 0;
    for (String r : relative) {
      total += Files.size(root.resolve(r));
    }
    return total;
  }

  static void assumeUtf8FileNames() {
    String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
    assumeTrue(Charset.forName(encoding).equals(StandardCharsets.UTF_8), "file names are not UTF-8 here");
  }

  /**
   * dv-keys, every file dated ten days before T0, plus files no version references: an old and a
   * young orphan, an old change data file, and old hidden files and log files.
   */
  private Path dvKeysWithOrphans(long now) throws IOException {
    Path root = TableCopies.copy("dv-keys", dir);
    TableCopies.setModificationTimes(root, T0 - 10 * DAY);
    write(root.resolve("orphan.parquet"), 10, T0 - 10 * DAY);
    write(root.resolve("young.parquet"), 20, now - HOUR);
    write(root.resolve("_change_data/cdc-00000.snappy.parquet"), 30, T0 - 10 * DAY);
    write(root.resolve("_hidden/x.parquet"), 40, T0 - 10 * DAY);
    write(root.resolve("_SUCCESS"), 0, T0 - 10 * DAY);
    write(root.resolve(".part-0.parquet.crc"), 8, T0 - 10 * DAY);
    write(root.resolve("_delta_log/garbage.txt"), 50, T0 - 10 * DAY);
    return root;
  }

  @Test
  void dryRunListsUnreferencedOldFilesAndKeepsTombstonedFilesWithinRetention() throws IOException {
    long now = T0 + 5 * DAY; // the tombstones of T0 + 1..3 h are within the default week
    Path root = dvKeysWithOrphans(now);
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      VacuumResult result = table.vacuum(Optional.empty(), true /* dryRun */, false, at(now));
      assertEquals(uris(root, "_change_data/cdc-00000.snappy.parquet", "orphan.parquet"), result.files());
      assertEquals(40, result.bytes());
      assertTrue(result.dryRun());
    }
    assertTrue(Files.exists(root.resolve("orphan.parquet")), "a dry run deletes nothing");
  }

  @Test
  void expiredTombstonesReleaseTheirFilesIncludingDeletionVectorFiles() throws IOException {
    long now = T0 + 30 * DAY;
    Path root = dvKeysWithOrphans(now);
    List<URI> expected = uris(root, "_change_data/cdc-00000.snappy.parquet", DV_FILE_OF_TOMBSTONE, "orphan.parquet");
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      VacuumResult dry = table.vacuum(Optional.empty(), true, false, at(now));
      assertEquals(expected, dry.files());
      assertEquals(40 + size(root, DV_FILE_OF_TOMBSTONE), dry.bytes());

      VacuumResult done = table.vacuum(Optional.empty(), false, false, at(now));
      assertEquals(new VacuumResult(expected, dry.bytes(), false), done);
    }
    for (URI file : expected) {
      assertFalse(Files.exists(Path.of(file)), file.toString());
    }
    for (String kept : List.of("young.parquet", "_hidden/x.parquet", "_SUCCESS", ".part-0.parquet.crc",
        "_delta_log/garbage.txt", "deletion_vector_bfc6be13-6a96-3453-b5fc-c74adaeb27c0.bin")) {
      assertTrue(Files.exists(root.resolve(kept)), kept);
    }
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      assertEquals(3, table.version());
      assertEquals(23, table.snapshot().scan().count(), "the live files and their deletion vectors remain");
    }
  }

  @Test
  void partitionDirectoriesAndEncodedPathsMatchTheLog() throws IOException {
    assumeUtf8FileNames();
    long now = T0 + 30 * DAY;
    Path root = TableCopies.copy("people", dir);
    TableCopies.setModificationTimes(root, T0 - DAY);
    write(root.resolve("city=Zürich/orphan.parquet"), 7, T0 - DAY);
    write(root.resolve("city=New York/orphan 2.parquet"), 9, T0 - DAY);
    String removed = "city=Paris/part-00004-c0592526-2a10-3a1d-997a-d600cbe11da8.c000.snappy.parquet";
    List<URI> expected = uris(root, removed, "city=Zürich/orphan.parquet", "city=New York/orphan 2.parquet");
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      assertEquals(expected, table.vacuum(Optional.empty(), true, false, at(now)).files());
      assertEquals(expected, table.vacuum(Optional.empty(), false, false, at(now)).files());
    }
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      assertEquals(11, table.getFiles().size());
      assertEquals(22, table.snapshot().scan().count());
    }
  }

  @Test
  void pathsEncodedDifferentlyInTheLogStillNameTheirFiles() throws IOException {
    assumeUtf8FileNames();
    Path root = TableCopies.copy("special-paths", dir);
    TableCopies.setModificationTimes(root, T0 - DAY);
    try (DeltaTable table = DeltaTable.open(root.toString())) {
      // Live: a b, 100%, café (re-added as caf%c3%a9), Zürich plan; removed (expired): the rest.
      assertEquals(uris(root, "hash#1.parquet", "key=a b/c=d.parquet", "ünicode-文件.parquet"),
          table.vacuum(Optional.empty(), true, false, at(T0 + 30 * DAY)).files());
    }
  }

  /** A hand-written table whose data files are empty stand-ins (vacuum never reads them). */
  private TestLog table(Protocol protocol, Map<String, String> configuration, RemoveFile... removes) throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol, TestLog.metadata(configuration), TestLog.add("live.parquet"));
    if (removes.length > 0) {
      log.commit(1, removes);
    }
    return log;
  }

  static RemoveFile removedAt(String path, OptionalLong deletionTimestamp) {
    return new RemoveFile(path, deletionTimestamp, true, Optional.empty(), Optional.empty(), OptionalLong.empty(),
        Optional.empty(), Map.of(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty());
  }

  @Test
  void aTombstoneKeepsItsFileUntilItExpiresAndOneWithoutTimestampHasExpired() throws IOException {
    long now = System.currentTimeMillis();
    table(TestLog.protocol(), Map.of("delta.deletedFileRetentionDuration", "interval 1 day"),
        removedAt("recent.parquet", OptionalLong.of(now - HOUR)), removedAt("undated.parquet", OptionalLong.empty()));
    for (String file : List.of("live.parquet", "recent.parquet", "undated.parquet")) {
      write(dir.resolve(file), 1, now - 3 * DAY);
    }
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      assertEquals(uris(dir, "undated.parquet"), table.vacuum().files());
      assertTrue(Files.exists(dir.resolve("recent.parquet")));
      assertEquals(uris(dir, "recent.parquet"), table.vacuum(Duration.ZERO, true, true /* force */).files());
    }
  }

  @Test
  void aRetentionShorterThanTheTablesIsRefusedUnlessForced() throws IOException {
    table(TestLog.protocol(), Map.of("delta.deletedFileRetentionDuration", "interval 2 hours"));
    write(dir.resolve("orphan.parquet"), 1, System.currentTimeMillis() - 90 * 60 * 1000);
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      RetentionTooShortException e =
          assertThrows(RetentionTooShortException.class, () -> table.vacuum(Duration.ofHours(1), true));
      assertEquals(dir + ": Cannot vacuum with a retention of 1 hour: it is shorter than the table's"
          + " delta.deletedFileRetentionDuration of 2 hours, so it could delete files that readers of recent versions"
          + " or writers still committing need. Use a retention of at least 2 hours, or, if nothing reads or writes"
          + " the table meanwhile, pass force = true: vacuum(retention, dryRun, true), or --force on the command line.", e.getMessage());
      assertEquals(Duration.ofHours(1), e.requested());
      assertEquals(Duration.ofHours(2), e.tableRetention());
      assertEquals(List.of(), table.vacuum(Duration.ofHours(2), true).files());
      assertEquals(uris(dir, "orphan.parquet"), table.vacuum(Duration.ofHours(1), true, true).files());
      assertThrows(IllegalArgumentException.class, () -> table.vacuum(Duration.ofHours(-1), true, true));
    }
  }

  @Test
  void theDefaultRetentionIsAWeek() throws IOException {
    table(TestLog.protocol(), Map.of());
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      RetentionTooShortException e =
          assertThrows(RetentionTooShortException.class, () -> table.vacuum(Duration.ofDays(6), true));
      assertEquals(Duration.ofDays(7), e.tableRetention());
      assertTrue(e.getMessage().contains("a retention of 6 days: it is shorter than the table's"
          + " delta.deletedFileRetentionDuration of 7 days"), e.getMessage());
    }
  }

  @Test
  void anUnreadableRetentionPropertyIsAnError() throws IOException {
    table(TestLog.protocol(), Map.of("delta.deletedFileRetentionDuration", "interval 1 month"));
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      CorruptLogException e = assertThrows(CorruptLogException.class, () -> table.vacuum(Duration.ofDays(30), true));
      assertEquals(dir + ": Cannot use the table property delta.deletedFileRetentionDuration=\"interval 1 month\""
          + " of version 0: months and years have no fixed length; use days or weeks.", e.getMessage());
    }
  }

  @Test
  void vacuumProtocolCheckRefusesUnknownWriterFeatures() throws IOException {
    table(new Protocol(3, 7, Set.of("vacuumProtocolCheck"), Set.of("vacuumProtocolCheck", "futureFileLayout")), Map.of());
    write(dir.resolve("orphan.parquet"), 1, T0);
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      assertEquals(List.of("live.parquet"), table.getFiles(), "reading is fine: the feature is a writer's");
      UnsupportedTableFeatureException e =
          assertThrows(UnsupportedTableFeatureException.class, () -> table.vacuum(Duration.ofDays(7), false));
      assertEquals(Set.of("futureFileLayout"), e.unsupportedFeatures());
      assertTrue(e.getMessage().startsWith(dir + ": Cannot vacuum table: requires writer features [futureFileLayout];"
          + " delta4j can vacuum tables with: ["), e.getMessage());
    }
    assertTrue(Files.exists(dir.resolve("orphan.parquet")));
  }

  @Test
  void vacuumProtocolCheckWithKnownFeaturesVacuums() throws IOException {
    table(new Protocol(3, 7, Set.of("vacuumProtocolCheck"), Set.of("vacuumProtocolCheck")), Map.of());
    write(dir.resolve("orphan.parquet"), 1, T0);
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      assertEquals(uris(dir, "orphan.parquet"), table.vacuum().files());
    }
    assertFalse(Files.exists(dir.resolve("orphan.parquet")));
  }
}
