package io.delta4j.write;

import static io.delta4j.write.IdRows.PARTITION_COLUMNS;
import static io.delta4j.write.IdRows.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.delta4j.DeltaTable;
import io.delta4j.log.ActionParser;
import io.delta4j.log.LogFileNames;
import io.delta4j.log.action.Action;
import io.delta4j.log.crc.VersionChecksums;
import io.delta4j.log.action.ActionType;
import io.delta4j.log.action.AddFile;
import io.delta4j.log.action.CommitInfo;
import io.delta4j.write.AppendLoop.Reported;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL at a random moment, twenty times over on one table, never leaves a
 * partial commit: every file of the log is complete, the table opens, and it holds every row of
 * every commit the writer reported, each once, in whole commits only.
 */
class CrashTest {
  static final int KILLS = 20;
  static final int ROWS_PER_COMMIT = 1000;
  /** The child is killed after this many reported commits at most (then a random pause). */
  static final int MAX_COMMITS_BEFORE_KILL = 3;
  static final int MAX_PAUSE_MILLIS = 150;

  @TempDir Path dir;

  @Test
  void killedWriterLeavesACompleteLogAndEveryReportedRow() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path table = dir.resolve("t");
    DeltaTable.create(table.toString(), SCHEMA, PARTITION_COLUMNS, Map.of()).close();
    List<Reported> reported = new ArrayList<>();
    long start = System.nanoTime();
    long version = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      String context = "after kill " + kill + " (seed " + seed + ")";
      AppendLoop child = AppendLoop.start(table, "run" + kill, kill * 10_000_000L, Integer.MAX_VALUE / ROWS_PER_COMMIT,
          ROWS_PER_COMMIT, dir.resolve("child" + kill + ".err"));
      assertTrue(child.awaitReported(random.nextInt(MAX_COMMITS_BEFORE_KILL + 1), 30_000),
          () -> "child stalled " + context + ":\n" + child.errorOutput());
      Thread.sleep(random.nextInt(MAX_PAUSE_MILLIS + 1));
      child.kill();
      reported.addAll(child.reported());
      version = assertIntact(table, reported, context);
      assertTrue(version - reported.size() <= kill, "at most one unreported commit per kill: " + context);
    }
    System.out.printf("CrashTest: %d kills, %d commits (%d reported), %d leftover temp files, %d ms (seed %d)%n",
        KILLS, version, reported.size(), hiddenFiles(table), (System.nanoTime() - start) / 1_000_000, seed);
  }

  /** Asserts that the table is intact and holds every reported commit; returns its version. */
  private static long assertIntact(Path table, List<Reported> reported, String context) throws IOException {
    long lastCommit = assertCompleteLog(table.resolve(LogFileNames.LOG_DIR), context);
    try (DeltaTable t = DeltaTable.open(table.toString())) {
      assertEquals(lastCommit, t.version(), "the table opens at its last commit " + context);
      Map<Long, String> rows = IdRows.content(t);
      for (Reported r : reported) {
        assertTrue(r.version() <= lastCommit, r + " is in the log " + context);
        for (long id = r.firstId(); id < r.endId(); id++) {
          if (!rows.containsKey(id)) {
            fail("row " + id + " of " + r + " is missing " + context);
          }
        }
      }
      // Whole commits only: ids come in blocks of one commit each, never part of one.
      Map<Long, Integer> blocks = new TreeMap<>();
      rows.keySet().forEach(id -> blocks.merge(id / ROWS_PER_COMMIT, 1, Integer::sum));
      blocks.forEach((block, count) -> assertEquals(ROWS_PER_COMMIT, count, "rows of block " + block + " " + context));
      assertEquals(lastCommit, blocks.size(), "one block of rows per commit " + context);
      return t.version();
    }
  }

  /**
   * Checks every visible file of the log: commits numbered 0 to n without a gap, each complete (it
   * ends with a newline and parses; an append has its commitInfo and one add), and besides them
   * only checkpoints, {@code _last_checkpoint} and complete {@code .crc} files. Returns n.
   */
  private static long assertCompleteLog(Path log, String context) throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(log)) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
    long expected = 0;
    for (String name : names) {
      if (name.matches("\\d{20}\\.checkpoint\\.parquet") || name.equals(LogFileNames.LAST_CHECKPOINT)) {
        continue; // read when the table opens
      }
      if (name.matches("\\d{20}\\.crc")) {
        VersionChecksums.parse(Files.readAllBytes(log.resolve(name)), log.getParent().toString(), name); // whole, or absent
        continue;
      }
      assertEquals(LogFileNames.commit(expected), name, "the next commit " + context);
      byte[] content = Files.readAllBytes(log.resolve(name));
      assertTrue(content.length > 0 && content[content.length - 1] == '\n', name + " ends with a newline " + context);
      List<Action> actions = new ArrayList<>();
      ActionParser.parse(content, log.getParent().toString(), name, EnumSet.allOf(ActionType.class), actions::add);
      if (expected > 0) {
        assertEquals(1, actions.stream().filter(a -> a instanceof CommitInfo).count(), name + " " + context);
        assertEquals(1, actions.stream().filter(a -> a instanceof AddFile).count(), name + " " + context);
      }
      expected++;
    }
    return expected - 1;
  }

  /** The temp files left by killed writes: hidden ({@code .<name>.<uuid>.tmp}), so that no reader lists them. */
  private static long hiddenFiles(Path table) throws IOException {
    try (Stream<Path> files = Files.walk(table)) {
      List<String> hidden = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
      assertEquals(List.of(), hidden.stream().filter(n -> !n.endsWith(".tmp")).toList(), "hidden files other than temp files");
      return hidden.size();
    }
  }
}
