package io.delta4j;

import static io.delta4j.TestLog.add;
import static io.delta4j.TestLog.commitInfo;
import static io.delta4j.TestLog.metadata;
import static io.delta4j.TestLog.protocol;
import static io.delta4j.TestLog.remove;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.CheckpointMetadata;
import io.delta4j.log.action.DomainMetadata;
import io.delta4j.log.action.SetTransaction;
import io.delta4j.storage.ForwardingStorage;
import io.delta4j.storage.Locations;
import io.delta4j.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade over small logs written by the test: replay, refresh, time travel, history. */
class DeltaTableTest {
  @TempDir Path dir;

  private static Set<String> files(DeltaTable t) {
    return new HashSet<>(t.getFiles());
  }

  @Test
  void replaysAddsAndRemoves() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), add("a"), add("b"));
    log.commit(1, remove("a"), add("c"));
    log.commit(2, add("a"));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(2, t.version());
      assertEquals(Set.of("a", "b", "c"), files(t));
      assertEquals(Set.of(), new HashSet<>(t.snapshot().tombstones().toList()));
      assertEquals(Set.of("b"), new HashSet<>(t.snapshotAt(0).addFiles().stream().map(f -> f.path()).filter("b"::equals).toList()));
      assertEquals(List.of("a"), t.snapshotAt(1).tombstones().stream().map(r -> r.path()).toList());
      URI expected = dir.toUri().resolve("c");
      assertTrue(t.getFileUris().contains(expected), t.getFileUris().toString());
    }
  }

  @Test
  void reconcilesTransactionsAndDomains() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), new SetTransaction("app", 5, OptionalLong.empty()),
        new DomainMetadata("d1", "{\"a\":1}", false), new DomainMetadata("d2", "x", false));
    log.commit(1, new SetTransaction("app", 3, OptionalLong.empty()), new DomainMetadata("d1", "{}", true),
        new DomainMetadata("d2", "y", false));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      Snapshot s = t.snapshot();
      assertEquals(OptionalLong.of(3), s.appTransactionVersion("app"), "the latest txn wins, even if lower");
      assertEquals(OptionalLong.empty(), s.appTransactionVersion("other"));
      assertTrue(s.domainMetadata("d1").isEmpty(), "a removed domain is gone");
      assertEquals("y", s.domainMetadata("d2").orElseThrow().configuration());
      assertEquals(OptionalLong.of(5), t.snapshotAt(0).appTransactionVersion("app"));
    }
  }

  @Test
  void refreshReadsOnlyNewCommitsAndKeepsOldSnapshots() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), add("a"));
    List<String> reads = new CopyOnWriteArrayList<>(); // commits are read by several threads
    StorageBackend storage = new ForwardingStorage() {
      @Override
      public byte[] readAllBytes(URI location) throws IOException {
        reads.add(location.getPath().substring(location.getPath().lastIndexOf('/') + 1));
        return super.readAllBytes(location);
      }
    };
    try (DeltaTable t = DeltaTable.open(dir.toString(), Locations.tableRoot(dir.toString()), storage)) {
      Snapshot before = t.snapshot();
      assertSame(before, t.refresh(), "nothing new: the same snapshot");
      log.commit(1, add("b"));
      log.commit(2, remove("a"));
      reads.clear();
      Snapshot after = t.refresh();
      assertEquals(List.of(LogFileNames.commit(1), LogFileNames.commit(2)), reads.stream().sorted().toList(),
          "only the new commits are read, once each");
      assertEquals(2, after.version());
      assertEquals(2, t.version());
      assertEquals(Set.of("b"), files(t));
      assertEquals(0, before.version());
      assertEquals(List.of("a"), before.addFiles().stream().map(f -> f.path()).toList());
    }
  }

  @Test
  void refreshStartsFromANewerCheckpoint() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), add("a"));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      log.commit(1, add("b"));
      log.commit(2, add("c"));
      log.jsonCheckpoint(2, new CheckpointMetadata(2, Map.of()), protocol(), metadata(Map.of()), add("a"), add("b"), add("c"));
      log.commit(3, remove("b"));
      log.spoil(1); // covered by the checkpoint, so never read
      Snapshot s = t.refresh();
      assertEquals(3, s.version());
      assertEquals(Set.of("a", "c"), files(t));
    }
  }

  @Test
  void refreshRejectsAGap() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), add("a"));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      log.commit(2, add("b"));
      CorruptLogException e = assertThrows(CorruptLogException.class, t::refresh);
      assertTrue(e.getMessage().contains("version 0 is followed by 2"), e.getMessage());
    }
  }

  @Test
  void timeTravelByModificationTime() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), add("a"));
    log.commit(1, add("b"));
    log.commit(2, add("c"));
    long start = 1_540_415_658_000L;
    log.setModificationTime(0, start);
    log.setModificationTime(1, start + 20 * 60_000);
    log.setModificationTime(2, start + 40 * 60_000);
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(0, t.snapshotAsOf(Instant.ofEpochMilli(start + 10 * 60_000)).version());
      assertEquals(1, t.snapshotAsOf(Instant.ofEpochMilli(start + 20 * 60_000)).version());
      assertEquals(1, t.snapshotAsOf(Instant.ofEpochMilli(start + 30 * 60_000)).version());
      assertEquals(2, t.snapshotAsOf(Instant.ofEpochMilli(start + 40 * 60_000)).version());
      assertEquals(Instant.ofEpochMilli(start + 40 * 60_000), t.snapshot().timestamp());
      VersionNotFoundException before = assertThrows(VersionNotFoundException.class,
          () -> t.snapshotAsOf(Instant.ofEpochMilli(start - 1)));
      assertTrue(before.getMessage().contains("before the earliest available commit (version 0 at 2018-10-24T21:14:18Z)"),
          before.getMessage());
      VersionNotFoundException after = assertThrows(VersionNotFoundException.class,
          () -> t.snapshotAsOf(Instant.ofEpochMilli(start + 50 * 60_000)));
      assertTrue(after.getMessage().contains("after the latest commit (version 2"), after.getMessage());
    }
  }

  @Test
  void modificationTimesAreMadeIncreasing() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), add("a"));
    log.commit(1, add("b"));
    log.setModificationTime(0, 10_000);
    log.setModificationTime(1, 5_000); // a copy or clock skew put it earlier
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(1, t.snapshotAsOf(Instant.ofEpochMilli(10_001)).version());
      assertEquals(0, t.snapshotAsOf(Instant.ofEpochMilli(10_000)).version());
    }
  }

  @Test
  void timeTravelByInCommitTimestamps() throws IOException {
    TestLog log = new TestLog(dir);
    Map<String, String> ict = Map.of("delta.enableInCommitTimestamps", "true");
    log.commit(0, commitInfo(1_000), protocol(), metadata(ict), add("a"));
    log.commit(1, commitInfo(2_000), add("b"));
    log.commit(2, commitInfo(3_000), add("c"));
    // File times disagree with the in-commit timestamps; the latter win.
    log.setModificationTime(0, 90_000);
    log.setModificationTime(1, 80_000);
    log.setModificationTime(2, 70_000);
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(Instant.ofEpochMilli(3_000), t.snapshot().timestamp());
      assertEquals(0, t.snapshotAsOf(Instant.ofEpochMilli(1_999)).version());
      assertEquals(1, t.snapshotAsOf(Instant.ofEpochMilli(2_000)).version());
      assertEquals(Instant.ofEpochMilli(2_000), t.snapshotAt(1).timestamp());
      assertThrows(VersionNotFoundException.class, () -> t.snapshotAsOf(Instant.ofEpochMilli(999)));
      List<HistoryEntry> history = t.history(2);
      assertEquals(List.of(2L, 1L), history.stream().map(HistoryEntry::version).toList());
      assertEquals(Instant.ofEpochMilli(3_000), history.get(0).timestamp());
      assertEquals("WRITE", history.get(0).commitInfo().orElseThrow().operation().orElseThrow());
    }
  }

  @Test
  void inCommitTimestampsEnabledLater() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), add("a"));
    log.commit(1, add("b"));
    log.commit(2, commitInfo(50_000), metadata(Map.of("delta.enableInCommitTimestamps", "true",
        "delta.inCommitTimestampEnablementVersion", "2", "delta.inCommitTimestampEnablementTimestamp", "50000")));
    log.commit(3, commitInfo(60_000), add("c"));
    log.setModificationTime(0, 10_000);
    log.setModificationTime(1, 20_000);
    log.setModificationTime(2, 99_000);
    log.setModificationTime(3, 1_000);
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(1, t.snapshotAsOf(Instant.ofEpochMilli(25_000)).version());
      assertEquals(2, t.snapshotAsOf(Instant.ofEpochMilli(55_000)).version());
      assertEquals(3, t.snapshotAsOf(Instant.ofEpochMilli(60_000)).version());
      assertEquals(Instant.ofEpochMilli(20_000), t.snapshotAt(1).timestamp());
    }
  }

  @Test
  void versionOutOfRange() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), add("a"));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      VersionNotFoundException e = assertThrows(VersionNotFoundException.class, () -> t.snapshotAt(4));
      assertEquals(dir + ": Cannot load version 4: the latest version is 0.", e.getMessage());
      assertEquals(0, e.latestVersion());
      assertThrows(VersionNotFoundException.class, () -> t.snapshotAt(-1));
    }
  }

  @Test
  void missingTable() {
    TableNotFoundException e = assertThrows(TableNotFoundException.class, () -> DeltaTable.open(dir.resolve("nope").toString()));
    assertTrue(e.getMessage().startsWith(dir.resolve("nope") + ": Not a Delta table"), e.getMessage());
  }

  @Test
  void malformedLineNamesFileAndLine() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), add("a"));
    Files.writeString(log.logDir.resolve("00000000000000000001.json"), "{\"add\":{\"path\":\"b\",\"partitionValues\":{},\"size\":\"abc\",\"modificationTime\":1,\"dataChange\":true}}\n");
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> DeltaTable.open(dir.toString()));
    assertEquals("_delta_log/00000000000000000001.json", e.file().orElseThrow());
    assertEquals(1, e.line().orElseThrow());
    assertTrue(e.getMessage().startsWith(dir + ": Cannot parse _delta_log/00000000000000000001.json line 1:"), e.getMessage());
  }

  @Test
  void canonicalizedPathsReconcile() throws IOException {
    TestLog log = new TestLog(dir);
    log.commit(0, protocol(), metadata(Map.of()), add("/some/abs/path"), add("with%20space"), add("plain"));
    log.commit(1, remove("file:/some/abs/path"), remove(dir.toUri() + "with%20space"));
    try (DeltaTable t = DeltaTable.open(dir.toString())) {
      assertEquals(Set.of("plain"), files(t));
    }
  }
}
