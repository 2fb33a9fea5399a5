package io.delta4j.storage;

import static io.delta4j.storage.StorageTestSupport.allNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The commit guarantee under real contention: one winner, whole files, no leftovers. */
class PutIfAbsentRaceTest {
  private static final int WRITERS = 16;
  private static final int ROUNDS = 200;

  /** Counts link attempts, to show that writers really met at the link and not only at the pre-check. */
  private final LongAdder links = new LongAdder();

  private final LocalStorage storage = new LocalStorage((link, existing) -> {
    links.increment();
    ExclusiveCreate.HARD_LINK.link(link, existing);
  });

  @TempDir Path dir;

  /** {@code length} bytes that say who wrote them, so a mix of two writers shows. */
  private static byte[] payload(int writer, int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) (writer + 1));
    return bytes;
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void exactlyOneOfManyWritersWinsEachRound() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        URI commit = dir.resolve(String.format("%020d.json", round)).toUri();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
          byte[] contents = payload(writer, 4096);
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
        assertArrayEquals(payload(winner, 4096), storage.readAllBytes(commit), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> expected = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      expected.add(String.format("%020d.json", round));
    }
    assertEquals(expected, allNames(dir), "only the commits remain, no temp files");
    assertTrue(links.sum() > ROUNDS, "some losers lost at the link itself: " + links.sum() + " links");
  }

  /**
   * With the exclusive-create fallback instead of hard links, this test fails (the reader sees
   * empty and short files), so it does detect partial visibility.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aPollingReaderNeverSeesAPartialFile() throws Exception {
    int files = 16;
    int size = 1 << 20;
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger seen = new AtomicInteger();
    List<String> problems = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      int next = 0;
      while (next < files) {
        URI commit = dir.resolve(next + ".json").toUri();
        boolean allWritten = done.get();
        try {
          byte[] bytes = storage.readAllBytes(commit);
          if (!Arrays.equals(payload(next, size), bytes)) {
            problems.add("file " + next + ": read " + bytes.length + " bytes, not the whole payload");
          }
          seen.incrementAndGet();
          next++;
        } catch (NoSuchFileException notYet) {
          if (allWritten) {
            problems.add("file " + next + " is missing after every put returned");
            return;
          }
          Thread.onSpinWait();
        } catch (Exception e) {
          problems.add("file " + next + ": " + e);
          return;
        }
      }
    });
    reader.setDaemon(true);
    reader.start();
    for (int i = 0; i < files; i++) {
      storage.putIfAbsent(dir.resolve(i + ".json").toUri(), payload(i, size));
    }
    done.set(true);
    reader.join(TimeUnit.SECONDS.toMillis(30));
    assertEquals(List.of(), problems);
    assertEquals(files, seen.get());
  }
}
