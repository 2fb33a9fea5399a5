package io.delta4j;

import static io.delta4j.TestLog.commitInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.DeletionVectorDescriptor;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.Format;
import io.delta4j.log.action.Metadata;
import io.delta4j.log.action.Protocol;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.log.checkpoint.LastCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DeltaTable#checkpoint()}: what it writes, checked by reading it back with delta4j after
 * deleting the commits it covers (the interop with Delta Kernel is {@code KernelInteropTest}).
 */
class CheckpointWriteTest {
  static final String SCHEMA = "{\"type\":\"struct\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
      + "{\"name\":\"part\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}";
  static final long NOW = System.currentTimeMillis();
  static final long HOUR = Duration.ofHours(1).toMillis();
  static final long DAY = Duration.ofDays(1).toMillis();

  @TempDir Path dir;

  static Protocol protocol(String... writerOnly) {
    List<String> writer = new ArrayList<>(List.of("deletionVectors", "domainMetadata", "rowTracking", "v2Checkpoint"));
    writer.addAll(List.of(writerOnly));
    return new Protocol(3, 7, Set.of("deletionVectors", "v2Checkpoint"), Set.copyOf(writer));
  }

  static Metadata metadata(Map<String, String> configuration) {
    return new Metadata("7f1a3c5e-0b1d-4c52-9c6b-1e0f4a2b3c4d", Optional.of("events"), Optional.of("a test table"),
        new Format("parquet", Map.of()), SCHEMA, List.of("part"), OptionalLong.of(NOW - 10 * DAY), configuration);
  }

  static Map<String, String> part(String value) {
    Map<String, String> m = new HashMap<>();
    m.put("part", value); // may be null: a null partition
    return m;
  }

  static DeletionVectorDescriptor dv(String id, int offset) {
    return new DeletionVectorDescriptor("u", id, OptionalInt.of(offset), 36, 3);
  }

  static AddFile add(String path, String partValue, Optional<DeletionVectorDescriptor> dv, long rowId) {
    String stats = "{\"numRecords\":10,\"minValues\":{\"id\":" + rowId + "},\"maxValues\":{\"id\":" + (rowId + 9)
        + "},\"nullCount\":{\"id\":0}}";
    return new AddFile(path, part(partValue), 1000 + rowId, NOW - DAY, true, Optional.of(stats),
        rowId % 2 == 0 ? Map.of("INSERTION_TIME", "1700000000000000", "OPTIMIZE_TARGET_SIZE", "268435456") : Map.of(),
        dv, OptionalLong.of(rowId), OptionalLong.of(1), rowId == 20 ? Optional.of("liquid") : Optional.empty());
  }

  static RemoveFile remove(String path, OptionalLong deletionTimestamp, String partValue,
      Optional<DeletionVectorDescriptor> dv) {
    return new RemoveFile(path, deletionTimestamp, true, Optional.of(true), Optional.of(part(partValue)),
        OptionalLong.of(1234), Optional.of("{\"numRecords\":10}"), Map.of("k", "v"), dv, OptionalLong.of(7),
        OptionalLong.of(1));
  }

  /**
   * Four commits: partitioned (null and escaped values), tags, stats, deletion vectors (a file
   * re-added with a new vector), row tracking fields, a clustering provider, removes recent, old
   * and without a timestamp, transactions, a live, an updated and a removed domain.
   */
  static TestLog richTable(Path root, Map<String, String> configuration) throws IOException {
    TestLog log = new TestLog(root);
    log.commit(0, commitInfo(NOW - 4 * HOUR), protocol(), metadata(configuration),
        add("part=a/f0.parquet", "a", Optional.empty(), 0),
        add("part=__HIVE_DEFAULT_PARTITION__/f1.parquet", null, Optional.empty(), 10),
        add("part=x%20y/f2.parquet", "x y", Optional.empty(), 20),
        new DomainMetadata("delta.rowTracking", "{\"rowIdHighWaterMark\":9}", false),
        new DomainMetadata("user.gone", "{}", false));
    log.commit(1, commitInfo(NOW - 3 * HOUR),
        remove("part=a/f0.parquet", OptionalLong.of(NOW - HOUR), "a", Optional.empty()),
        add("part=a/f0.parquet", "a", Optional.of(dv("ab^-aqEH.-t@S}K{vb[*k^", 1)), 0),
        add("part=a/f3.parquet", "a", Optional.empty(), 30),
        new SetTransaction("stream-1", 1, OptionalLong.of(NOW - 3 * HOUR)),
        new DomainMetadata("user.settings", "{\"v\":1}", false));
    log.commit(2, commitInfo(NOW - 2 * HOUR),
        remove("part=x%20y/f2.parquet", OptionalLong.of(NOW - 30 * DAY), "x y", Optional.empty()),
        remove("part=a/f3.parquet", OptionalLong.empty(), "a", Optional.empty()),
        add("part=b/f4.parquet", "b", Optional.of(new DeletionVectorDescriptor("i", "wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L",
            OptionalInt.empty(), 40, 5)), 40),
        new DomainMetadata("user.gone", "{}", true),
        new SetTransaction("batch-7", 12, OptionalLong.empty()));
    log.commit(3, commitInfo(NOW - HOUR),
        new SetTransaction("stream-1", 2, OptionalLong.of(NOW - 60 * DAY)),
        new DomainMetadata("user.settings", "{\"v\":2}", false));
    return log;
  }

  static List<RemoveFile> recentTombstones(SnapshotContent content, long retentionMillis) {
    return content.tombstones().stream()
        .filter(r -> r.deletionTimestamp().isEmpty() || r.deletionTimestamp().getAsLong() > NOW - retentionMillis)
        .toList();
  }

  static void deleteCommits(TestLog log, long upTo) throws IOException {
    for (long v = 0; v <= upTo; v++) {
      Files.delete(log.logDir.resolve(LogFileNames.commit(v)));
    }
  }

  static LastCheckpoint lastCheckpoint(TestLog log) throws IOException {
    byte[] bytes = Files.readAllBytes(log.logDir.resolve(LogFileNames.LAST_CHECKPOINT));
    return LastCheckpoint.parse(bytes).orElseThrow(() -> new AssertionError("invalid: " + new String(bytes)));
  }

  static List<String> logFiles(TestLog log, String subdirectory) throws IOException {
    Path d = subdirectory.isEmpty() ? log.logDir : log.logDir.resolve(subdirectory);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(d)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void classicCheckpointRoundTrips() throws IOException {
    TestLog log = richTable(dir, Map.of("delta.enableDeletionVectors", "true"));
    SnapshotContent before;
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      before = SnapshotContent.of(t.snapshot());
      assertEquals(3, t.checkpoint());
    }
    assertEquals(3, before.adds().size(), "f0 (with its new vector), f1, f4: " + before.adds());
    assertEquals(3, before.tombstones().size(), "the re-added f0 (old vector), f2 (expired) and f3");
    Path checkpoint = log.logDir.resolve(LogFileNames.classicCheckpoint(3));
    assertTrue(Files.isRegularFile(checkpoint));

    LastCheckpoint hint = lastCheckpoint(log);
    SnapshotContent expected = before.withTombstones(recentTombstones(before, 7 * DAY));
    assertEquals(2, expected.tombstones().size(), "f2 was removed 30 days ago: expired");
    assertEquals(3, hint.version());
    assertEquals(2 /* protocol, metaData */ + 2 /* txns */ + 2 /* domains */ + 3 + 2, hint.size());
    assertEquals(OptionalLong.of(3), hint.numOfAddFiles());
    assertEquals(OptionalLong.of(Files.size(checkpoint)), hint.sizeInBytes());
    assertTrue(hint.checksum().isPresent(), "written with a checksum, which parse() verified");
    assertTrue(hint.v2Checkpoint().isEmpty());

    deleteCommits(log, 3);
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(expected, SnapshotContent.of(t.snapshot()));
      assertEquals(Set.of("delta.rowTracking", "user.settings"), t.snapshot().domainMetadata().keySet());
    }
  }

  @Test
  void aLaterOpenStartsFromTheCheckpoint() throws IOException {
    TestLog log = richTable(dir, Map.of());
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      t.checkpoint();
    }
    log.commit(4, commitInfo(NOW), add("part=c/f5.parquet", "c", Optional.empty(), 50));
    for (long v = 0; v <= 3; v++) {
      log.spoil(v); // replay from _last_checkpoint must not read them
    }
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(4, t.version());
      assertEquals(4, t.getFiles().size());
      assertTrue(t.getFiles().contains("part=c/f5.parquet"));
    }
  }

  @Test
  void checkpointingAgainReplacesTheClassicCheckpoint() throws IOException {
    TestLog log = richTable(dir, Map.of());
    SnapshotContent before;
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      before = SnapshotContent.of(t.snapshot());
      t.checkpoint();
      t.checkpoint();
    }
    deleteCommits(log, 3);
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(before.withTombstones(recentTombstones(before, 7 * DAY)), SnapshotContent.of(t.snapshot()));
      // Now the table is read from the checkpoint itself, which checkpointing overwrites while
      // streaming from it: the new file is published only after the old one was read.
      t.checkpoint();
    }
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(before.withTombstones(recentTombstones(before, 7 * DAY)), SnapshotContent.of(t.snapshot()));
    }
    assertEquals(List.of(LogFileNames.classicCheckpoint(3), LogFileNames.LAST_CHECKPOINT), logFiles(log, ""),
        "no temp files left");
  }

  @Test
  void lastCheckpointIsNotMovedBack() throws IOException {
    TestLog log = richTable(dir, Map.of());
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      t.checkpoint();
    }
    try (DeltaTable t = DeltaTable.open(dir.toString(), 1)) {
      assertEquals(1, t.checkpoint());
    }
    assertTrue(Files.isRegularFile(log.logDir.resolve(LogFileNames.classicCheckpoint(1))));
    assertEquals(3, lastCheckpoint(log).version());
  }

  @Test
  void retentionPropertiesDecideWhichTombstonesAndTransactionsStay() throws IOException {
    Map<String, String> config = Map.of(
        "delta.deletedFileRetentionDuration", "interval 90 minutes",
        "delta.setTransactionRetentionDuration", "INTERVAL 2 days");
    TestLog log = richTable(dir, config);
    SnapshotContent before;
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      before = SnapshotContent.of(t.snapshot());
      t.checkpoint();
    }
    deleteCommits(log, 3);
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      Snapshot s = t.snapshot();
      assertEquals(List.of("part=a/f0.parquet", "part=a/f3.parquet"),
          s.tombstones().stream().map(RemoveFile::path).sorted().toList(),
          "removed an hour ago, and without deletionTimestamp; not 30 days ago");
      assertEquals(Set.of("batch-7"), s.appTransactions().keySet(),
          "stream-1 was last updated 60 days ago; batch-7 has no lastUpdated");
      assertEquals(before.adds(), SnapshotContent.of(s).adds());
    }
  }

  @Test
  void statsCanBeLeftOut() throws IOException {
    TestLog log = richTable(dir, Map.of("delta.checkpoint.writeStatsAsJson", "false"));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      t.checkpoint();
    }
    deleteCommits(log, 3);
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      List<AddFile> adds = t.snapshot().addFiles().toList();
      assertEquals(3, adds.size());
      assertTrue(adds.stream().allMatch(a -> a.stats().isEmpty()));
    }
  }

  @Test
  void statsAsStructKeepsTheStateInClassicAndV2Checkpoints() throws IOException {
    for (String policy : List.of("classic", "v2")) {
      Path root = dir.resolve(policy);
      TestLog log = richTable(root, Map.of("delta.checkpoint.writeStatsAsStruct", "true", "delta.checkpointPolicy", policy));
      SnapshotContent before;
      try (DeltaTable t = DeltaTable.open(root.toString())) {
        before = SnapshotContent.of(t.snapshot());
        t.checkpoint(CheckpointOptions.defaults().withActionsPerSidecar(2));
      }
      deleteCommits(log, 3);
      try (DeltaTable t = DeltaTable.open(root.toString())) {
        assertEquals(before.withTombstones(recentTombstones(before, 7 * DAY)), SnapshotContent.of(t.snapshot()), policy);
      }
    }
  }

  @Test
  void statsAsStructNeedsReadableStatisticsColumns() throws IOException {
    richTable(dir, Map.of("delta.checkpoint.writeStatsAsStruct", "true", "delta.dataSkippingNumIndexedCols", "-2"));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      CorruptLogException e = assertThrows(CorruptLogException.class, t::checkpoint);
      assertEquals(dir + ": Cannot use the table property delta.dataSkippingNumIndexedCols=\"-2\" of version 3:"
          + " it must be a whole number of at least -1.", e.getMessage());
    }
  }

  @Test
  void unparseablePropertiesFailTheCheckpoint() throws IOException {
    richTable(dir, Map.of("delta.deletedFileRetentionDuration", "interval 1 month"));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      CorruptLogException e = assertThrows(CorruptLogException.class, t::checkpoint);
      assertEquals(dir + ": Cannot use the table property delta.deletedFileRetentionDuration=\"interval 1 month\""
          + " of version 3: months and years have no fixed length; use days or weeks.", e.getMessage());
    }
  }

  @Test
  void unknownWriterFeaturesAreRefused() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, new Protocol(1, 7, Set.of(), Set.of("appendOnly", "checkpointProtection", "futureThing")),
        metadata(Map.of()));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class, t::checkpoint);
      assertEquals(Set.of("checkpointProtection", "futureThing"), e.unsupportedFeatures());
      assertTrue(e.getMessage().startsWith(dir + ": Cannot checkpoint table: requires writer features"
          + " [checkpointProtection, futureThing]; delta4j can checkpoint tables with: [allowColumnDefaults,"),
          e.getMessage());
    }
    assertEquals(List.of(LogFileNames.commit(0)), logFiles(log, ""));
  }

  @Test
  void catalogManagedTablesAreRefused() throws IOException {
    TestLog log = new TestLog(dir);
    // Listed as a writer feature only, so that delta4j can open it (reading refuses it as a reader feature).
    log.commit(0, new Protocol(1, 7, Set.of(), Set.of("catalogManaged", "inCommitTimestamp")), metadata(Map.of()));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class, t::checkpoint);
      assertEquals(dir + ": Cannot checkpoint table: it is catalog-managed (table feature catalogManaged), so its"
          + " commits and checkpoints go through its catalog, and delta4j has no catalog integration.", e.getMessage());
      assertEquals(Set.of("catalogManaged"), e.unsupportedFeatures());
    }
  }

  @Test
  void writerVersionsAboveSevenAreRefused() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, new Protocol(1, 8), metadata(Map.of()));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      UnsupportedTableFeatureException e = assertThrows(UnsupportedTableFeatureException.class, t::checkpoint);
      assertEquals(dir + ": Cannot checkpoint table: requires Delta protocol writer version 8; delta4j supports"
          + " writer versions up to 7.", e.getMessage());
    }
  }

  @Test
  void legacyProtocolsAndEmptyTables() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, new Protocol(1, 2), metadata(Map.of("delta.checkpointPolicy", "v2")));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(0, t.checkpoint());
    }
    assertEquals(List.of(LogFileNames.classicCheckpoint(0), LogFileNames.commit(0), LogFileNames.LAST_CHECKPOINT),
        logFiles(log, ""), "policy v2 without the v2Checkpoint feature: a classic checkpoint");
    assertEquals(2, lastCheckpoint(log).size());
    Files.delete(log.logDir.resolve(LogFileNames.commit(0)));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(new Protocol(1, 2), t.snapshot().protocol());
      assertEquals(List.of(), t.getFiles());
    }
  }

  @Test
  void v2CheckpointWithSidecarsRoundTrips() throws IOException {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("delta.checkpointPolicy", "v2");
    config.put("delta.enableDeletionVectors", "true");
    TestLog log = richTable(dir, config);
    SnapshotContent before;
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      before = SnapshotContent.of(t.snapshot());
      assertEquals(3, t.checkpoint(CheckpointOptions.defaults().withActionsPerSidecar(2)));
    }
    SnapshotContent expected = before.withTombstones(recentTombstones(before, 7 * DAY));
    List<String> sidecars = logFiles(log, LogFileNames.SIDECAR_DIR);
    assertEquals(3, sidecars.size(), "3 adds and 2 tombstones, 2 per sidecar: " + sidecars);
    List<String> top = logFiles(log, "").stream().filter(n -> n.contains(".checkpoint.")).toList();
    assertEquals(1, top.size(), top.toString());
    assertTrue(top.get(0).matches("0{19}3\\.checkpoint\\.[0-9a-f-]{36}\\.parquet"), top.get(0));

    LastCheckpoint hint = lastCheckpoint(log);
    assertEquals(3, hint.version());
    assertEquals(1 /* checkpointMetadata */ + 6 /* protocol ... domains */ + 3 /* sidecar */ + 5, hint.size());
    assertEquals(OptionalLong.of(3), hint.numOfAddFiles());
    long total = Files.size(log.logDir.resolve(top.get(0)));
    for (String s : sidecars) {
      total += Files.size(log.logDir.resolve(LogFileNames.SIDECAR_DIR).resolve(s));
    }
    assertEquals(OptionalLong.of(total), hint.sizeInBytes(), "the checkpoint file and its sidecars");
    LastCheckpoint.V2Checkpoint v2 = hint.v2Checkpoint().orElseThrow();
    assertEquals(top.get(0), v2.path());
    assertEquals(Files.size(log.logDir.resolve(top.get(0))), v2.sizeInBytes());
    assertEquals(sidecars, v2.sidecarFiles().orElseThrow().stream().map(s -> s.path()).sorted().toList());
    List<Action> nonFile = v2.nonFileActions().orElseThrow();
    assertEquals(7, nonFile.size());
    assertEquals(new io.delta4j.log.action.CheckpointMetadata(3, Map.of()), nonFile.get(0));
    assertEquals(before.protocol(), nonFile.get(1));
    assertEquals(before.metadata(), nonFile.get(2));

    deleteCommits(log, 3);
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(expected, SnapshotContent.of(t.snapshot()));
    }
  }

  @Test
  void v2CheckpointWithoutFilesHasNoSidecars() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of("delta.checkpointPolicy", "v2")),
        new SetTransaction("app", 3, OptionalLong.empty()));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      t.checkpoint();
    }
    assertEquals(List.of(), logFiles(log, LogFileNames.SIDECAR_DIR));
    assertEquals(4, lastCheckpoint(log).size(), "checkpointMetadata, protocol, metaData, txn");
    Files.delete(log.logDir.resolve(LogFileNames.commit(0)));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(OptionalLong.of(3), t.snapshot().appTransactionVersion("app"));
      assertEquals(List.of(), t.getFiles());
    }
  }

  @Test
  void aFailedCheckpointPublishesNothing() throws IOException {
    TestLog log = richTable(dir, Map.of());
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      t.checkpoint();
    }
    byte[] hint = Files.readAllBytes(log.logDir.resolve(LogFileNames.LAST_CHECKPOINT));
    log.commit(4, commitInfo(NOW), add("part=c/f5.parquet", "c", Optional.empty(), 50));
    FaultyStorage storage = new FaultyStorage(uri -> uri.getPath().endsWith(".checkpoint.parquet"));
    try (DeltaTable t = DeltaTable.open(dir.toString(), dir.toUri(), storage)) {
      StorageException e = assertThrows(StorageException.class, t::checkpoint);
      assertEquals(dir + ": Cannot write " + dir.toUri().resolve("_delta_log/" + LogFileNames.classicCheckpoint(4))
          + ": injected failure.", e.getMessage());
    }
    assertEquals(List.of(LogFileNames.commit(0), LogFileNames.commit(1), LogFileNames.commit(2),
        LogFileNames.classicCheckpoint(3), LogFileNames.commit(3), LogFileNames.commit(4), LogFileNames.LAST_CHECKPOINT),
        logFiles(log, ""), "no checkpoint 4, no temp file");
    assertEquals(new String(hint), Files.readString(log.logDir.resolve(LogFileNames.LAST_CHECKPOINT)));
  }

  @Test
  void aFailedV2CheckpointDeletesItsSidecars() throws IOException {
    TestLog log = richTable(dir, Map.of("delta.checkpointPolicy", "v2"));
    FaultyStorage storage = new FaultyStorage(uri -> uri.getPath().contains(".checkpoint."));
    try (DeltaTable t = DeltaTable.open(dir.toString(), dir.toUri(), storage)) {
      assertThrows(StorageException.class, () -> t.checkpoint(CheckpointOptions.defaults().withActionsPerSidecar(2)));
    }
    assertEquals(4, storage.creates(), "three sidecars, then the failing checkpoint file");
    assertEquals(List.of(), logFiles(log, LogFileNames.SIDECAR_DIR), "the unreferenced sidecars are deleted");
    assertFalse(logFiles(log, "").stream().anyMatch(n -> n.contains("checkpoint")), logFiles(log, "").toString());

    int[] seen = {0};
    FaultyStorage secondSidecar = new FaultyStorage(uri -> ++seen[0] == 2);
    try (DeltaTable t = DeltaTable.open(dir.toString(), dir.toUri(), secondSidecar)) {
      StorageException e = assertThrows(StorageException.class,
          () -> t.checkpoint(CheckpointOptions.defaults().withActionsPerSidecar(2)));
      assertTrue(e.getMessage().contains("/_delta_log/_sidecars/"), e.getMessage());
    }
    assertEquals(List.of(), logFiles(log, LogFileNames.SIDECAR_DIR));
    assertFalse(Files.exists(log.logDir.resolve(LogFileNames.LAST_CHECKPOINT)));
  }

  @Test
  void bigNonFileActionsAreNotEmbeddedInLastCheckpoint() throws IOException {
    TestLog log = new TestLog(dir);
    Metadata wide = new Metadata("id", Optional.empty(), Optional.of("x".repeat(70_000)), Format.parquet(), SCHEMA,
        List.of(), OptionalLong.empty(), Map.of("delta.checkpointPolicy", "v2"));
    log.commit(0, protocol(), wide, add("part=a/f0.parquet", "a", Optional.empty(), 0));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      t.checkpoint();
    }
    LastCheckpoint.V2Checkpoint v2 = lastCheckpoint(log).v2Checkpoint().orElseThrow();
    assertTrue(v2.nonFileActions().isEmpty(), "over 64 KiB of JSON");
    assertEquals(1, v2.sidecarFiles().orElseThrow().size());
    assertTrue(Files.size(log.logDir.resolve(LogFileNames.LAST_CHECKPOINT)) < 1000);
    Files.delete(log.logDir.resolve(LogFileNames.commit(0)));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(wide, t.snapshot().metadata());
      assertEquals(List.of("part=a/f0.parquet"), t.getFiles());
    }
  }
}
