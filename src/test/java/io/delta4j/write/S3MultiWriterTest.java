package io.delta4j.write;

import static io.delta4j.write.IdRows.PARTITION_COLUMNS;
import static io.delta4j.write.IdRows.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta4j.CommitResult;
import io.delta4j.DeltaTable;
import io.delta4j.StorageOptions;
import io.delta4j.log.LogFileNames;
import io.delta4j.storage.S3Storage;
import io.delta4j.storage.S3TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent writers on one S3 table, with nothing between them but the server: commits are
 * conditional PUTs ({@code If-None-Match: *}), so of the writers of a version exactly one wins and
 * the others retry at the next, with no lock service (DynamoDB) needed.
 */
class S3MultiWriterTest {
  @RegisterExtension static final S3TestServer S3 = new S3TestServer();

  static final int THREADS = 8;
  static final int APPENDS_EACH = 25;

  @TempDir Path dir;

  @Test
  void twoProcessesAppendFiftyTimesEach() throws Exception {
    MultiProcessAppendTest.appendFromTwoProcesses(S3.root(S3.createBucket(), "t").toString(), S3.options(), dir);
  }

  @Test
  void eightThreadsAppendTwentyFiveTimesEach() throws Exception {
    String location = S3.root(S3.createBucket(), "t").toString();
    StorageOptions options = S3.options();
    DeltaTable.create(location, SCHEMA, PARTITION_COLUMNS, Map.of(), options).close();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<List<CommitResult>>> writers = new ArrayList<>();
    Map<Long, String> expected = new TreeMap<>();
    try {
      for (int w = 0; w < THREADS; w++) {
        String partition = "w" + w;
        long firstId = 1_000L * w;
        LongStream.range(firstId, firstId + APPENDS_EACH).forEach(id -> expected.put(id, partition));
        writers.add(pool.submit(() -> {
          List<CommitResult> results = new ArrayList<>();
          try (DeltaTable t = DeltaTable.open(location, options)) { // a client of its own
            for (int i = 0; i < APPENDS_EACH; i++) {
              results.add(t.newTransaction().append(IdRows.rows(partition, firstId + i, 1)).commit());
            }
          }
          return results;
        }));
      }
      TreeSet<Long> versions = new TreeSet<>();
      int attempts = 0;
      for (Future<List<CommitResult>> writer : writers) {
        for (CommitResult r : writer.get(60, TimeUnit.SECONDS)) {
          assertTrue(r.committed());
          assertTrue(versions.add(r.version()), "version " + r.version() + " reported twice");
          attempts += r.attempts();
        }
      }
      int commits = THREADS * APPENDS_EACH;
      assertEquals(LongStream.rangeClosed(1, commits).boxed().toList(), new ArrayList<>(versions));
      assertTrue(attempts > commits, "no commit was retried: " + attempts + " attempts for " + commits + " commits");
      System.out.printf("S3MultiWriterTest: %d appends by %d threads took %d commit attempts%n", commits, THREADS, attempts);
    } finally {
      pool.shutdownNow();
    }

    try (DeltaTable t = DeltaTable.open(location, options)) {
      assertEquals(THREADS * APPENDS_EACH, t.version());
      assertEquals(THREADS * APPENDS_EACH, t.getFiles().size());
      assertEquals(expected, IdRows.content(t));
    }
    // The committer of each tenth version checkpointed it while the others went on committing.
    try (S3Storage storage = S3.storage(options)) {
      URI log = URI.create(location + "/" + LogFileNames.LOG_DIR + "/");
      for (long v = 10; v <= THREADS * APPENDS_EACH; v += 10) {
        assertTrue(storage.exists(log.resolve(LogFileNames.classicCheckpoint(v))), "checkpoint " + v);
      }
    }
  }
}
