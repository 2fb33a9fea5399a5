package io.delta4j.write;

import static io.delta4j.write.IdRows.PARTITION_COLUMNS;
import static io.delta4j.write.IdRows.SCHEMA;
import static io.delta4j.write.IdRows.content;
import static io.delta4j.write.IdRows.ids;
import static io.delta4j.write.IdRows.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CommitResult;
import io.delta4j.CommitStateUnknownException;
import io.delta4j.ConcurrentAppendException;
import io.delta4j.ConcurrentDeleteReadException;
import io.delta4j.DeltaTable;
import io.delta4j.HistoryEntry;
import io.delta4j.Row;
import io.delta4j.expr.Predicate;
import io.delta4j.expr.Predicates;
import io.delta4j.log.LogFileNames;
import io.delta4j.storage.LocalStorage;
import io.delta4j.storage.Locations;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Concurrent writers on one table, each through its own {@link DeltaTable}: free-running threads,
 * where every committed operation is checked against the table afterwards (serializability: the
 * rows are those of the commits replayed in version order), and forced interleavings, where
 * {@link CommitHookStorage} lets another writer commit between a transaction's read and its commit
 * write, or makes that write fail, so that each outcome is asserted exactly.
 */
class ConcurrencyTest {
  /** The seed: three rows in each of these partitions, committed as version 1. */
  static final List<String> PARTITIONS = List.of("a", "b", "c", "d");
  /** In the races: threads that append, and the appends each makes. */
  static final int APPENDERS = 4;
  static final int APPENDS_EACH = 20;
  /** In the races: the deletes (or replaces) each deleting (or replacing) thread makes. */
  static final int DELETES_OR_REPLACES = 20;

  @TempDir Path dir;
  private Path path;
  private final AtomicLong nextId = new AtomicLong(1000);
  private ExecutorService pool;

  @BeforeEach
  void createSeededTable() {
    seedTable(dir.resolve("t"), Map.of());
  }

  /** Creates the seeded table at {@code at}, which the test then works on. */
  private void seedTable(Path at, Map<String, String> properties) {
    path = at;
    try (DeltaTable t = DeltaTable.create(path.toString(), SCHEMA, PARTITION_COLUMNS, properties)) {
      List<Row> seed = new ArrayList<>();
      for (int i = 0; i < PARTITIONS.size(); i++) {
        seed.addAll(rows(PARTITIONS.get(i), i * 3L, 3));
      }
      assertEquals(1, t.newTransaction().append(seed).commit().version());
    }
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    if (pool != null) {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "writer threads did not stop");
    }
  }

  // ---- free-running threads

  @Test
  void eightThreadsAppendFiftyTimesEach() throws Exception {
    int threads = 8;
    int appends = 50;
    List<Callable<List<CommitResult>>> writers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      String partition = PARTITIONS.get(w % PARTITIONS.size());
      long firstId = 100_000L * (w + 1);
      writers.add(() -> {
        List<CommitResult> results = new ArrayList<>();
        try (DeltaTable t = DeltaTable.open(path.toString())) {
          for (int i = 0; i < appends; i++) {
            results.add(t.newTransaction().append(rows(partition, firstId + 2L * i, 2)).commit());
          }
        }
        return results;
      });
    }
    List<CommitResult> results = new ArrayList<>();
    for (List<CommitResult> r : runAll(writers)) {
      results.addAll(r);
    }

    int commits = threads * appends;
    Set<Long> versions = new HashSet<>();
    int attempts = 0;
    for (CommitResult r : results) {
      assertTrue(r.committed());
      assertTrue(versions.add(r.version()), "version " + r.version() + " reported twice");
      attempts += r.attempts();
    }
    assertEquals(commits, versions.size());
    assertTrue(versions.stream().allMatch(v -> v >= 2 && v <= commits + 1), "versions " + versions);
    assertTrue(attempts > commits, "no commit was retried: " + attempts + " attempts for " + commits + " commits");

    // Each committer of a multiple of 10 checkpointed it, while the others went on committing.
    for (long v = 10; v <= commits + 1; v += 10) {
      assertTrue(Files.exists(path.resolve(LogFileNames.LOG_DIR).resolve(LogFileNames.classicCheckpoint(v))),
          "checkpoint " + v);
    }
    try (DeltaTable t = DeltaTable.open(path.toString())) {
      assertEquals(commits + 1, t.version());
      assertEquals(commits + PARTITIONS.size(), t.getFiles().size(), "one file per append, one per seed partition");
      Map<Long, String> rows = content(t);
      assertEquals(12 + 2 * commits, rows.size());
      for (int w = 0; w < threads; w++) {
        for (long id = 100_000L * (w + 1); id < 100_000L * (w + 1) + 2 * appends; id++) {
          assertEquals(PARTITIONS.get(w % PARTITIONS.size()), rows.get(id), "row " + id);
        }
      }
    }
    System.out.printf("ConcurrencyTest: %d appends by %d threads took %d commit attempts%n", commits, threads, attempts);
  }

  /**
   * Appenders, a deleter and a replacer (replaceWhere) at once, on two partitions so that they
   * collide often. Appends never fail; a delete or replace may lose with a conflict; whatever
   * committed, the table holds exactly the commits replayed in version order.
   */
  @Test
  void appendsDeletesAndReplacesRacingStaySerializable() throws Exception {
    CommittedOps committed = new CommittedOps();
    AtomicInteger conflicts = new AtomicInteger();
    List<Callable<Void>> writers = new ArrayList<>();
    for (int w = 0; w < APPENDERS; w++) {
      writers.add(appender(committed));
    }
    writers.add(() -> {
      try (DeltaTable t = open(slowCommits())) {
        for (int i = 0; i < DELETES_OR_REPLACES; i++) {
          String p = racedPartition();
          try {
            committed.deletePartition(t.newTransaction().delete(Predicates.equal("p", p)).commit().version(), p);
          } catch (ConcurrentAppendException | ConcurrentDeleteReadException lost) {
            conflicts.incrementAndGet();
          }
        }
      }
      return null;
    });
    writers.add(() -> {
      try (DeltaTable t = open(slowCommits())) {
        for (int i = 0; i < DELETES_OR_REPLACES; i++) {
          String p = racedPartition();
          List<Row> rows = rows(p, nextId.getAndAdd(2), 2);
          try {
            long version = t.newTransaction().overwrite(rows, Predicates.equal("p", p)).commit().version();
            committed.replacePartition(version, p, ids(rows));
          } catch (ConcurrentAppendException | ConcurrentDeleteReadException lost) {
            conflicts.incrementAndGet();
          }
        }
      }
      return null;
    });
    runAll(writers);

    assertEquals(APPENDERS * APPENDS_EACH + 2 * DELETES_OR_REPLACES - conflicts.get(), committed.size());
    try (DeltaTable t = DeltaTable.open(path.toString())) {
      committed.assertTableMatches(t, 2, seed());
    }
    System.out.printf("ConcurrencyTest: %d commits, %d deletes or replaces lost to a conflict%n",
        committed.size(), conflicts.get());
  }

  /** Two deletes of one partition at once, ten times: one wins; the other loses or commits after it. */
  @Test
  void concurrentDeletesOfOnePartition() throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    AtomicInteger lost = new AtomicInteger();
    AtomicInteger won = new AtomicInteger();
    try (DeltaTable t = DeltaTable.open(path.toString())) {
      for (int round = 0; round < 10; round++) {
        t.newTransaction().append(rows("a", nextId.getAndAdd(3), 3)).commit();
        List<Callable<Void>> deleters = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
          deleters.add(() -> {
            try (DeltaTable mine = DeltaTable.open(path.toString())) {
              start.await(10, TimeUnit.SECONDS);
              mine.newTransaction().delete(Predicates.equal("p", "a")).commit();
              won.incrementAndGet();
            } catch (ConcurrentDeleteReadException e) {
              lost.incrementAndGet();
            }
            return null;
          });
        }
        runAll(deleters);
        t.refresh();
        assertFalse(content(t).containsValue("a"), "round " + round);
      }
    }
    assertEquals(20, won.get() + lost.get());
    assertTrue(won.get() >= 10, "each round has a winner: " + won.get());
    System.out.printf("ConcurrencyTest: of 10 pairs of deletes, %d lost to the other%n", lost.get());
  }

  /**
   * Deletes of id ranges that cut through files (each append writes two consecutive ids, the seed
   * three) racing appends: deleting some rows of a file marks them in a deletion vector or rewrites
   * the file, so a concurrent delete of other rows of the same file must lose, or one of the two
   * deletes would be undone.
   */
  @ParameterizedTest(name = "deletion vectors {0}")
  @ValueSource(booleans = {true, false})
  void rowDeletesRacingAppendsAndEachOtherStaySerializable(boolean deletionVectors) throws Exception {
    seedTable(dir.resolve("rows"), Map.of("delta.enableDeletionVectors", Boolean.toString(deletionVectors)));
    CommittedOps committed = new CommittedOps();
    AtomicInteger conflicts = new AtomicInteger();
    List<Callable<Void>> writers = new ArrayList<>();
    for (int w = 0; w < APPENDERS; w++) {
      writers.add(appender(committed));
    }
    for (int w = 0; w < 2; w++) {
      writers.add(() -> {
        try (DeltaTable t = open(slowCommits())) {
          for (int i = 0; i < DELETES_OR_REPLACES; i++) {
            // Ids are 0 to 11 (the seed), then 1000 onwards; an odd start cuts an append's file.
            long from = ThreadLocalRandom.current().nextBoolean()
                ? ThreadLocalRandom.current().nextLong(12)
                : 1001 + 2 * ThreadLocalRandom.current().nextLong(Math.max(1, (nextId.get() - 1000) / 2));
            Predicate range = Predicates.and(Predicates.greaterThanOrEqual("id", from), Predicates.lessThan("id", from + 2));
            try {
              committed.deleteIds(t.newTransaction().delete(range).commit().version(), from, from + 2);
            } catch (ConcurrentAppendException | ConcurrentDeleteReadException lost) {
              conflicts.incrementAndGet();
            }
          }
        }
        return null;
      });
    }
    runAll(writers);

    assertEquals(APPENDERS * APPENDS_EACH + 2 * DELETES_OR_REPLACES - conflicts.get(), committed.size());
    try (DeltaTable t = DeltaTable.open(path.toString())) {
      committed.assertTableMatches(t, 2, seed());
    }
  }

  @ParameterizedTest(name = "deletion vectors {0}")
  @ValueSource(booleans = {true, false})
  void rowDeleteLosesToADeleteOfOtherRowsOfTheSameFile(boolean deletionVectors) {
    seedTable(dir.resolve("rows"), Map.of("delta.enableDeletionVectors", Boolean.toString(deletionVectors)));
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      if (call == 1) {
        try (DeltaTable other = DeltaTable.open(path.toString())) {
          other.newTransaction().delete(Predicates.equal("id", 1L)).commit();
        }
      }
      write.run();
    });
    try (DeltaTable t = open(storage)) {
      ConcurrentDeleteReadException e = assertThrows(ConcurrentDeleteReadException.class,
          () -> t.newTransaction().delete(Predicates.equal("id", 0L)).commit());
      assertTrue(e.getMessage().startsWith(path + ": Cannot commit DELETE: version 2, committed concurrently, removed p=a/"),
          e.getMessage());
      assertEquals(3, t.newTransaction().delete(Predicates.equal("id", 0L)).commit().version(), "run again, it commits");
    }
    Map<Long, String> expected = seed();
    expected.remove(0L);
    expected.remove(1L);
    assertEquals(expected, contentAtLatest());
  }

  // ---- forced interleavings: another writer commits between the transaction's read and its write

  @Test
  void deleteRetriesPastAppendsToOtherPartitions() {
    List<Long> appended = new ArrayList<>();
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      if (call == 1) {
        for (int i = 0; i < 3; i++) {
          appended.addAll(appendElsewhere("b", 2));
        }
      }
      write.run();
    });
    try (DeltaTable t = open(storage)) {
      CommitResult r = t.newTransaction().delete(Predicates.equal("p", "a")).commit();
      assertEquals(5, r.version(), "after the three appends at 2, 3 and 4");
      assertEquals(2, r.attempts());
    }
    Map<Long, String> expected = seed();
    expected.values().removeIf("a"::equals);
    appended.forEach(id -> expected.put(id, "b"));
    assertEquals(expected, contentAtLatest());
  }

  @Test
  void deleteLosesToAnAppendIntoItsPartition() {
    List<Long> appended = new ArrayList<>();
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      if (call == 1) {
        appended.addAll(appendElsewhere("a", 2));
      }
      write.run();
    });
    try (DeltaTable t = open(storage)) {
      ConcurrentAppendException e = assertThrows(ConcurrentAppendException.class,
          () -> t.newTransaction().delete(Predicates.equal("p", "a")).commit());
      assertTrue(e.getMessage().startsWith(path + ": Cannot commit DELETE: version 2, committed concurrently, added p=a/"),
          e.getMessage());
    }
    Map<Long, String> expected = seed();
    appended.forEach(id -> expected.put(id, "a"));
    assertEquals(expected, contentAtLatest(), "nothing deleted, nothing lost");
    assertEquals(2, versionAtLatest());
  }

  @Test
  void appendIntoAPartitionDeletedMeanwhileCommitsAfterTheDelete() {
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      if (call == 1) {
        try (DeltaTable other = DeltaTable.open(path.toString())) {
          assertEquals(2, other.newTransaction().delete(Predicates.equal("p", "a")).commit().version());
        }
      }
      write.run();
    });
    List<Row> rows = rows("a", 500, 2);
    try (DeltaTable t = open(storage)) {
      CommitResult r = t.newTransaction().append(rows).commit();
      assertEquals(3, r.version());
      assertEquals(2, r.attempts());
    }
    Map<Long, String> expected = seed();
    expected.values().removeIf("a"::equals);
    expected.put(500L, "a");
    expected.put(501L, "a");
    assertEquals(expected, contentAtLatest(), "the delete, then the append");
  }

  @Test
  void replaceWhereLosesToAnAppendIntoItsPartitionOnly() {
    // An append elsewhere: the replace retries and commits.
    assertEquals(3, replaceAfterConcurrentAppend(Predicates.equal("p", "a"), "b").version());
    // An append into the replaced partition: it would have been replaced, so the replace fails.
    assertThrows(ConcurrentAppendException.class, () -> replaceAfterConcurrentAppend(Predicates.equal("p", "a"), "a"));
  }

  @Test
  void overwriteOfTheWholeTableLosesToAnyAppend() {
    ConcurrentAppendException e = assertThrows(ConcurrentAppendException.class,
        () -> replaceAfterConcurrentAppend(null, "b"));
    assertTrue(e.getMessage().contains("which may hold the whole table that this operation did not see"), e.getMessage());
  }

  @Test
  void deleteLosesToADeleteOfTheSamePartition() {
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      if (call == 1) {
        try (DeltaTable other = DeltaTable.open(path.toString())) {
          other.newTransaction().delete(Predicates.equal("p", "a")).commit();
        }
      }
      write.run();
    });
    try (DeltaTable t = open(storage)) {
      ConcurrentDeleteReadException e = assertThrows(ConcurrentDeleteReadException.class,
          () -> t.newTransaction().delete(Predicates.equal("p", "a")).commit());
      assertTrue(e.getMessage().startsWith(path + ": Cannot commit DELETE: version 2, committed concurrently, removed p=a/"),
          e.getMessage());
      // Run again, it commits (deleting nothing more).
      CommitResult again = t.newTransaction().delete(Predicates.equal("p", "a")).commit();
      assertEquals(3, again.version());
      assertEquals("0", again.operationMetrics().get("numRemovedFiles"));
    }
    Map<Long, String> expected = seed();
    expected.values().removeIf("a"::equals);
    assertEquals(expected, contentAtLatest());
  }

  /**
   * PROTOCOL.md, "In-Commit Timestamps": each must be later than its predecessor's. A winner whose
   * clock runs an hour ahead takes version 2; the retry at 3 must follow its timestamp, not the
   * local clock.
   */
  @Test
  void inCommitTimestampFollowsAWinnerWhoseClockIsAhead() {
    seedTable(dir.resolve("ict"), Map.of("delta.enableInCommitTimestamps", "true"));
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      if (call == 1) {
        try (DeltaTable other = DeltaTable.open(path.toString())) {
          URI root = other.root();
          TableWrite ahead = new TableWrite(path.toString(), root, root.resolve(LogFileNames.LOG_DIR + "/"),
              new LocalStorage(), other.snapshot(), Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));
          ahead.append(rows("b", 600, 1));
          assertEquals(2, ahead.commit(new HashMap<>()).orElseThrow().version());
        }
      }
      write.run();
    });
    try (DeltaTable t = open(storage)) {
      assertEquals(3, t.newTransaction().append(rows("a", 700, 1)).commit().version());
    }
    try (DeltaTable t = DeltaTable.open(path.toString())) {
      List<HistoryEntry> history = t.history(2); // 3, then 2
      long winner = history.get(1).commitInfo().orElseThrow().inCommitTimestamp().orElseThrow();
      assertTrue(winner > System.currentTimeMillis() + 50 * 60_000, "the winner's clock is ahead");
      assertEquals(winner + 1, history.get(0).commitInfo().orElseThrow().inCommitTimestamp().orElseThrow());
      assertEquals(Instant.ofEpochMilli(winner + 1), history.get(0).timestamp());
    }
  }

  // ---- the commit write fails

  @Test
  void commitThatLandedDespiteAnErrorIsReportedOnce() throws IOException {
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      write.run(); // lands, but the caller hears of a failure the first time
      if (call == 1) {
        throw new IOException("connection reset after the request was sent");
      }
    });
    try (DeltaTable t = open(storage)) {
      CommitResult r = t.newTransaction().append(rows("e", 500, 2)).commit();
      assertEquals(2, r.version());
      assertEquals(1, r.attempts());
      assertEquals(2, storage.calls(), "the same file put again, found taken, read back as ours");
    }
    assertEquals(List.of(0L, 1L, 2L), commitVersions());
    Map<Long, String> expected = seed();
    expected.put(500L, "e");
    expected.put(501L, "e");
    assertEquals(expected, contentAtLatest());
  }

  @Test
  void commitThatFailedBeforeLandingIsRetriedWithTheSameBytes() throws IOException {
    List<byte[]> written = new ArrayList<>();
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      written.add(contents);
      if (call == 1) {
        throw new IOException("connection refused");
      }
      write.run();
    });
    try (DeltaTable t = open(storage)) {
      CommitResult r = t.newTransaction().append(rows("e", 500, 2)).commit();
      assertEquals(2, r.version());
      assertEquals(1, r.attempts());
    }
    assertEquals(2, written.size());
    assertArrayEquals(written.get(0), written.get(1), "the retry writes the same commit");
    assertEquals(List.of(0L, 1L, 2L), commitVersions());
    assertEquals(14, contentAtLatest().size());
  }

  @Test
  void ambiguousFailureThenAnotherWritersCommitIsNotTakenForOurs() throws IOException {
    List<Long> appended = new ArrayList<>();
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      if (call == 1) {
        appended.addAll(appendElsewhere("b", 2)); // takes version 2 while our write's fate is unknown
        throw new IOException("timed out");
      }
      write.run();
    });
    try (DeltaTable t = open(storage)) {
      CommitResult r = t.newTransaction().append(rows("e", 500, 2)).commit();
      assertEquals(3, r.version(), "version 2 is the other writer's");
      assertEquals(3, storage.calls(), "2 again (taken, not ours), then 3");
    }
    assertEquals(List.of(0L, 1L, 2L, 3L), commitVersions());
    Map<Long, String> expected = seed();
    appended.forEach(id -> expected.put(id, "b"));
    expected.put(500L, "e");
    expected.put(501L, "e");
    assertEquals(expected, contentAtLatest());
  }

  @Test
  void commitWriteThatKeepsFailingEndsInStateUnknownWithNothingVisible() throws IOException {
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      throw new IOException("service unavailable");
    });
    try (DeltaTable t = open(storage)) {
      CommitStateUnknownException e = assertThrows(CommitStateUnknownException.class,
          () -> t.newTransaction().append(rows("e", 500, 2)).commit());
      assertTrue(e.getMessage().startsWith(path + ": Cannot tell whether the commit of version 2 (txnId "),
          e.getMessage());
      assertTrue(e.getMessage().contains("writing _delta_log/" + LogFileNames.commit(2) + " failed"), e.getMessage());
      assertTrue(storage.calls() > 1, "retried before giving up");
      assertEquals(1, t.version());
    }
    assertEquals(List.of(0L, 1L), commitVersions());
    try (Stream<Path> log = Files.list(path.resolve(LogFileNames.LOG_DIR))) {
      assertEquals(List.of(), log.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
          "no temp file left behind");
    }
    assertEquals(seed(), contentAtLatest());
  }

  // ---- helpers

  /** Replaces {@code where} (the whole table when null) while another writer appends to {@code partition}. */
  private CommitResult replaceAfterConcurrentAppend(Predicate where, String partition) {
    seedTable(dir.resolve("t" + nextId.getAndIncrement()), Map.of());
    CommitHookStorage storage = new CommitHookStorage((call, location, contents, write) -> {
      if (call == 1) {
        appendElsewhere(partition, 2);
      }
      write.run();
    });
    try (DeltaTable t = open(storage)) {
      List<Row> rows = rows("a", 700, 2);
      return (where == null ? t.newTransaction().overwrite(rows) : t.newTransaction().overwrite(rows, where)).commit();
    }
  }

  /** Appends {@code count} rows to {@code partition} through a table of its own; returns their ids. */
  private List<Long> appendElsewhere(String partition, int count) {
    List<Row> rows = rows(partition, nextId.getAndAdd(count), count);
    try (DeltaTable other = DeltaTable.open(path.toString())) {
      other.newTransaction().append(rows).commit();
    }
    return ids(rows);
  }

  private DeltaTable open(CommitHookStorage storage) {
    return DeltaTable.open(path.toString(), Locations.tableRoot(path.toString()), storage);
  }

  private Map<Long, String> seed() {
    Map<Long, String> seed = new TreeMap<>();
    for (int i = 0; i < PARTITIONS.size(); i++) {
      for (long id = i * 3L; id < i * 3L + 3; id++) {
        seed.put(id, PARTITIONS.get(i));
      }
    }
    return seed;
  }

  private Map<Long, String> contentAtLatest() {
    try (DeltaTable t = DeltaTable.open(path.toString())) {
      return content(t);
    }
  }

  private long versionAtLatest() {
    try (DeltaTable t = DeltaTable.open(path.toString())) {
      return t.version();
    }
  }

  /** The versions of the commit files in the log. */
  private List<Long> commitVersions() throws IOException {
    try (Stream<Path> log = Files.list(path.resolve(LogFileNames.LOG_DIR))) {
      return log.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d{20}\\.json"))
          .map(n -> Long.parseLong(n.substring(0, 20)))
          .sorted()
          .toList();
    }
  }

  /**
   * A thread that appends two rows to a raced partition {@link #APPENDS_EACH} times. Any failure,
   * a conflict included, fails the test: blind appends never conflict.
   */
  private Callable<Void> appender(CommittedOps committed) {
    return () -> {
      try (DeltaTable t = DeltaTable.open(path.toString())) {
        for (int i = 0; i < APPENDS_EACH; i++) {
          String p = racedPartition();
          List<Row> rows = rows(p, nextId.getAndAdd(2), 2);
          committed.append(t.newTransaction().append(rows).commit().version(), p, ids(rows));
        }
      }
      return null;
    };
  }

  /**
   * A storage whose commit writes take up to 60 ms, as on a slow object store: it widens the window
   * between a transaction's read and its commit, in which the appenders' commits land.
   */
  private static CommitHookStorage slowCommits() {
    return new CommitHookStorage((call, location, contents, write) -> {
      try {
        Thread.sleep(ThreadLocalRandom.current().nextInt(61));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      write.run();
    });
  }

  private static String racedPartition() {
    return PARTITIONS.get(ThreadLocalRandom.current().nextInt(2));
  }

  /** Runs the tasks on threads of their own and returns their results; the first failure fails the test. */
  private <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
    if (pool == null) {
      pool = Executors.newCachedThreadPool();
    }
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(task));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    return results;
  }
}
