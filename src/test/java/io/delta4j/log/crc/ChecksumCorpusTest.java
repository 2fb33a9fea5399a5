package io.delta4j.log.crc;

import static io.delta4j.log.crc.Checksums.differences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import io.delta4j.CorruptLogException;
import io.delta4j.DeltaException;
import io.delta4j.DeltaTable;
import io.delta4j.SharedTables;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.log.action.RemoveFile;
import io.delta4j.util.Json;
import io.delta4j.util.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Our checksums against the ones Delta wrote: for every {@code .crc} of the shared reference
 * tables (golden, kernel-rs, delta-rs), the full computation from the snapshot at that version
 * must equal Delta's file field by field (every field Delta wrote, except {@code txnId}, which a
 * full computation does not know); and where the version before has a {@code .crc} too, the
 * incremental computation from it and the commit must equal Delta's file, {@code txnId} included.
 */
class ChecksumCorpusTest {
  private static final Pattern CRC = Pattern.compile(".*/_delta_log/\\d{20}\\.crc");
  private static final Pattern COMMIT = Pattern.compile(".*/_delta_log/\\d{20}\\.json");
  private static final int MAX_VERSIONS = 500; // data_err_logs/table_g has 10,000 empty commits

  private static final String NO_SIZE = "a remove without size";
  private static final String UNTRUSTED = "adds under an untrusted operation: ";

  /** Delta's checksums that differ from the table's state, and why; not our bugs. */
  private static final Map<String, String> QUIRKS = Map.of(
      "delta-rs-data/cdc_ict_table/_delta_log/00000000000000000001.crc",
      // delta-rs moved commit 1's inCommitTimestamp a year back (1683874206883) after Delta wrote
      // the table, to test that the change data feed uses in-commit timestamps; the .crc keeps
      // Delta's 1783874206883.
      "inCommitTimestamp",
      "kernel-rs-data/data/crc-full/_delta_log/00000000000000000000.crc",
      // Hand-made by kernel-rs to exercise a reader: it describes 10 files, 2 transactions and 3
      // domains while the commit has no add, txn or domainMetadata action.
      "tableSizeBytes numFiles inCommitTimestamp setTransactions domainMetadata fileSizeHistogram"
          + " deletedRecordCountsHistogram");

  /**
   * Checksums of early Delta (0.x to 1.0: {@code tableSizeBytes, numFiles, numMetadata,
   * numProtocol, numTransactions}) that lack the required metadata and protocol; our reader
   * refuses them, so their counts are compared from the raw JSON.
   */
  private static final int EXPECTED_LEGACY = 8;

  /** kernel-rs's crc-malformed holds the word {@code malformed}. */
  private static final Map<String, String> EXPECTED_UNREADABLE = Map.of(
      "kernel-rs-data/data/crc-malformed/_delta_log/00000000000000000000.crc",
      "it is not valid JSON (Unrecognized token 'malformed'");

  private static final int EXPECTED_MATCHED = 172;
  private static final int EXPECTED_INCREMENTAL = 140;

  @Test
  void ourChecksumsEqualDeltas() throws IOException {
    Path root = SharedTables.root();
    List<Path> files = SharedTables.files(root, p -> CRC.matcher(p.toString().replace('\\', '/')).matches());
    int matched = 0;
    int legacy = 0;
    int incremental = 0;
    Map<String, String> mismatches = new TreeMap<>();
    Map<String, String> unreadable = new TreeMap<>();
    for (Path file : files) {
      String name = root.relativize(file).toString().replace('\\', '/');
      Path table = file.getParent().getParent();
      long version = Checksums.version(file);
      VersionChecksum delta;
      try {
        delta = VersionChecksums.parse(Files.readAllBytes(file), table.toString(), name);
      } catch (CorruptLogException e) {
        if (e.getMessage().contains("required field \"metadata\" is missing")) {
          assertLegacyCountsMatch(file, table, version);
          legacy++;
        } else {
          unreadable.put(name, e.getMessage());
        }
        continue;
      }
      try (DeltaTable t = DeltaTable.open(table.toString(), version)) {
        VersionChecksum ours = VersionChecksums.full(t.snapshot());
        List<String> diff = differences(Checksums.withoutTxnId(delta), ours);
        if (diff.isEmpty()) {
          matched++;
        } else {
          mismatches.put(name, String.join(" ", diff));
        }
        Path previous = file.resolveSibling(LogFileNames.checksum(version - 1));
        if (version > 0 && Files.exists(previous)) {
          VersionChecksum before = VersionChecksums.parse(Files.readAllBytes(previous), "t", "before");
          Optional<VersionChecksum> next = VersionChecksums.incremental(before, version, Checksums.commit(table, version));
          assertTrue(next.isPresent(), name + ": incremental computation refused");
          assertEquals(List.of(), differences(Checksums.withoutTxnId(next.get()), QUIRKS.containsKey(name) ? ours : delta),
              name + ": incremental");
          assertEquals(delta.txnId(), next.get().txnId(), name);
          incremental++;
        }
      }
    }
    System.out.printf("ChecksumCorpusTest: %d .crc files: %d equal our full computation, %d early-Delta"
            + " files equal in counts, %d explained quirks, %d unreadable; %d equal our incremental"
            + " computation%n", files.size(), matched, legacy, mismatches.size(), unreadable.size(),
        incremental);
    assertEquals(QUIRKS, mismatches);
    assertEquals(EXPECTED_UNREADABLE.keySet(), unreadable.keySet());
    unreadable.forEach((f, message) -> assertTrue(message.contains(EXPECTED_UNREADABLE.get(f)), message));
    assertEquals(EXPECTED_LEGACY, legacy);
    assertEquals(EXPECTED_MATCHED, matched);
    assertEquals(EXPECTED_INCREMENTAL, incremental);
  }

  /**
   * Tables whose checkpoint disagrees with their commits, so that the snapshot (read from the
   * checkpoint) differs from the commits replayed: kernel-rs assembled them from two runs, and the
   * checkpoint's metaData.id is not commit 0's.
   */
  private static final Set<String> CHECKPOINT_FROM_ANOTHER_RUN = Set.of(
      "kernel-rs-data/data/parquet_row_group_skipping v1", "kernel-rs-data/data/parsed-stats v3");

  /**
   * Over every pair of consecutive versions of every readable shared table, the incremental
   * computation from our full checksum of the version before equals our full checksum of the
   * version, or is refused for one of the reasons {@link VersionChecksums} gives.
   */
  @Test
  void incrementalEqualsFullOverEveryCommit() throws IOException {
    Path root = SharedTables.root();
    Set<Path> tables = new TreeSet<>();
    SharedTables.files(root, p -> COMMIT.matcher(p.toString().replace('\\', '/')).matches())
        .forEach(f -> tables.add(f.getParent().getParent()));
    int equal = 0;
    Set<String> mismatched = new TreeSet<>();
    Map<String, Integer> refused = new TreeMap<>();
    for (Path table : tables) {
      String name = root.relativize(table).toString().replace('\\', '/');
      Optional<DeltaTable> opened = openReadable(table);
      if (opened.isEmpty()) {
        continue;
      }
      try (DeltaTable t = opened.get()) {
        VersionChecksum before = null;
        for (long v = 0; v <= Math.min(t.version(), MAX_VERSIONS); v++) {
          VersionChecksum full = fullOrNull(t, v);
          if (before != null && full != null) {
            List<Action> commit = Checksums.commit(table, v);
            Optional<VersionChecksum> next = VersionChecksums.incremental(before, v, commit);
            if (next.isEmpty()) {
              refused.merge(refusal(commit), 1, Integer::sum);
            } else if (full.equals(Checksums.withoutTxnId(next.get()))) {
              equal++;
            } else {
              mismatched.add(name + " v" + v);
            }
          }
          before = full;
        }
      }
    }
    System.out.printf("ChecksumCorpusTest: incremental equals full over %d commits of %d tables; refused: %s%n",
        equal, tables.size(), refused);
    assertEquals(CHECKPOINT_FROM_ANOTHER_RUN, mismatched);
    assertTrue(equal > 600, "compared " + equal);
    assertTrue(refused.keySet().stream().allMatch(r -> r.equals(NO_SIZE) || r.startsWith(UNTRUSTED)),
        refused.toString());
  }

  /** Why {@link VersionChecksums#incremental} refuses {@code commit}, when the refusal is expected. */
  private static String refusal(List<Action> commit) {
    if (commit.stream().anyMatch(a -> a instanceof RemoveFile r && r.size().isEmpty())) {
      return NO_SIZE;
    }
    Optional<String> operation = commit.stream().filter(CommitInfo.class::isInstance).findFirst()
        .flatMap(c -> ((CommitInfo) c).operation());
    return operation.filter(VersionChecksums.NEW_FILE_OPERATIONS::contains).isPresent()
        ? "unexplained" : UNTRUSTED + operation.orElse("(none)");
  }

  private static Optional<DeltaTable> openReadable(Path table) {
    try {
      return Optional.of(DeltaTable.open(table.toString()));
    } catch (DeltaException e) {
      return Optional.empty(); // broken or unsupported on purpose; other tests cover those
    }
  }

  /** Our checksum of version {@code v}, or null when its commit is gone or it cannot be loaded. */
  private static VersionChecksum fullOrNull(DeltaTable t, long v) {
    Path commit = Path.of(t.root()).resolve(LogFileNames.LOG_DIR).resolve(LogFileNames.commit(v));
    if (!Files.exists(commit)) {
      return null;
    }
    try {
      return VersionChecksums.full(t.snapshotAt(v));
    } catch (DeltaException e) {
      return null; // commits before a checkpoint may lack what the version needs
    }
  }

  private static void assertLegacyCountsMatch(Path file, Path table, long version) throws IOException {
    Map<?, ?> raw;
    try (JsonParser p = Json.FACTORY.createParser(file.toFile())) {
      p.nextToken();
      raw = (Map<?, ?>) JsonValues.read(p);
    }
    try (DeltaTable t = DeltaTable.open(table.toString(), version)) {
      VersionChecksum ours = VersionChecksums.full(t.snapshot());
      assertEquals(raw.get("tableSizeBytes"), ours.tableSizeBytes(), file.toString());
      assertEquals(raw.get("numFiles"), ours.numFiles(), file.toString());
      assertEquals(raw.get("numMetadata"), ours.numMetadata(), file.toString());
      assertEquals(raw.get("numProtocol"), ours.numProtocol(), file.toString());
    }
  }
}
