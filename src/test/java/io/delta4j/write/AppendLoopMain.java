package io.delta4j.write;

import io.delta4j.CommitResult;
import io.delta4j.DeltaTable;
import io.delta4j.StorageOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The child JVM of {@link CrashTest} and {@link MultiProcessAppendTest}: appends to an
 * {@link IdRows} table, one transaction at a time, and after each commit prints
 * {@code committed <version> <firstId> <endId> .} (ids firstId to endId - 1; the dot tells a
 * whole line from one cut short), flushed, so that the
 * parent knows which rows were committed even when it kills this process. Arguments: table path
 * or URI, partition, first id, commits, rows per commit; storage options come as system properties
 * named {@value #STORAGE_OPTION_PREFIX}{@code <key>}.
 */
public final class AppendLoopMain {
  static final String STORAGE_OPTION_PREFIX = "delta4j.test.storage.";

  private AppendLoopMain() {}

  public static void main(String[] args) {
    String table = args[0];
    String partition = args[1];
    long firstId = Long.parseLong(args[2]);
    int commits = Integer.parseInt(args[3]);
    int rowsPerCommit = Integer.parseInt(args[4]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try (DeltaTable t = DeltaTable.open(table, storageOptions())) {
      for (int i = 0; i < commits; i++) {
        long from = firstId + (long) i * rowsPerCommit;
        CommitResult r = t.newTransaction().append(IdRows.rows(partition, from, rowsPerCommit)).commit();
        out.println("committed " + r.version() + " " + from + " " + (from + rowsPerCommit) + " .");
        out.flush();
      }
    }
  }

  private static StorageOptions storageOptions() {
    Map<String, String> options = new HashMap<>();
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith(STORAGE_OPTION_PREFIX))
        .forEach(name -> options.put(name.substring(STORAGE_OPTION_PREFIX.length()), System.getProperty(name)));
    return StorageOptions.of(options);
  }
}
