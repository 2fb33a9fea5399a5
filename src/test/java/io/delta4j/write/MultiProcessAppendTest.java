package io.delta4j.write;

import static io.delta4j.write.IdRows.PARTITION_COLUMNS;
import static io.delta4j.write.IdRows.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta4j.DeltaTable;
import io.delta4j.StorageOptions;
import io.delta4j.write.AppendLoop.Reported;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes append to one table at once, each with its own JVM and so nothing shared but the
 * file system: the commit by exclusive create (a hard link; on S3 a conditional PUT) is what keeps
 * them from overwriting each other's versions.
 */
class MultiProcessAppendTest {
  static final int PROCESSES = 2;
  static final int COMMITS = 50;
  static final int ROWS_PER_COMMIT = 100;

  @TempDir Path dir;

  @Test
  void twoProcessesAppendFiftyTimesEach() throws Exception {
    appendFromTwoProcesses(dir.resolve("t").toString(), StorageOptions.none(), dir);
  }

  /**
   * Creates the table at {@code location}, has {@value #PROCESSES} child JVMs append
   * {@value #COMMITS} times each, and checks that every commit got a version of its own and
   * every row is there. {@link S3MultiWriterTest} runs it on S3.
   *
   * @param workDir where the children's error output goes
   */
  static void appendFromTwoProcesses(String location, StorageOptions options, Path workDir) throws Exception {
    DeltaTable.create(location, SCHEMA, PARTITION_COLUMNS, Map.of(), options).close();
    List<AppendLoop> children = new ArrayList<>();
    for (int c = 0; c < PROCESSES; c++) {
      children.add(AppendLoop.start(location, options, "process" + c, c * 1_000_000L, COMMITS, ROWS_PER_COMMIT,
          workDir.resolve("child" + c + ".err")));
    }
    Map<Long, String> expected = new TreeMap<>();
    TreeMap<Long, Integer> versions = new TreeMap<>(); // version -> process
    for (int c = 0; c < PROCESSES; c++) {
      AppendLoop child = children.get(c);
      assertEquals(0, child.await(60), child::errorOutput);
      List<Reported> reported = child.reported();
      assertEquals(COMMITS, reported.size());
      for (Reported r : reported) {
        assertEquals(null, versions.put(r.version(), c), "version " + r.version() + " reported by both processes");
        for (long id = r.firstId(); id < r.endId(); id++) {
          expected.put(id, "process" + c);
        }
      }
    }
    assertEquals(LongStream.rangeClosed(1, PROCESSES * COMMITS).boxed().toList(), new ArrayList<>(versions.keySet()));
    try (DeltaTable t = DeltaTable.open(location, options)) {
      assertEquals(PROCESSES * COMMITS, t.version());
      assertEquals(PROCESSES * COMMITS, t.getFiles().size());
      assertEquals(expected, IdRows.content(t));
    }
    List<Integer> writers = new ArrayList<>(versions.values());
    long turns = LongStream.range(1, writers.size()).filter(i -> !writers.get((int) i).equals(writers.get((int) i - 1))).count();
    System.out.printf("%s: the writer of consecutive versions changed %d times%n", location, turns);
  }
}
