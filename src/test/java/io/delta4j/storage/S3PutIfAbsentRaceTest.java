package io.delta4j.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The commit guarantee on S3 under real contention: of eight writers of a key, exactly one wins. */
class S3PutIfAbsentRaceTest {
  @RegisterExtension static final S3TestServer S3 = new S3TestServer();

  private static final int WRITERS = 8;
  private static final int ROUNDS = 20;

  private static byte[] payload(int writer) {
    byte[] bytes = new byte[4096];
    Arrays.fill(bytes, (byte) (writer + 1));
    return bytes;
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void exactlyOneOfEightWritersWinsEachRound() throws Exception {
    URI dir = S3.root(S3.createBucket(), "t/_delta_log/");
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try (S3Storage storage = S3.storage(S3.options())) {
      for (int round = 0; round < ROUNDS; round++) {
        URI commit = URI.create(dir + String.format("%020d.json", round));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
          byte[] contents = payload(writer);
          outcomes.add(pool.submit(() -> {
            start.await();
            try {
              storage.putIfAbsent(commit, contents);
              return true;
            } catch (FileAlreadyExistsException lost) {
              return false;
            }
          }));
        }
        start.countDown();
        int winner = -1;
        for (int writer = 0; writer < WRITERS; writer++) {
          if (outcomes.get(writer).get()) {
            assertEquals(-1, winner, "round " + round + ": writers " + winner + " and " + writer + " both won");
            winner = writer;
          }
        }
        assertTrue(winner >= 0, "round " + round + ": nobody won");
        assertArrayEquals(payload(winner), storage.readAllBytes(commit), "round " + round + ": the winner's bytes");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
