package io.delta4j.bench;

import io.delta4j.DeltaTable;
import io.delta4j.log.LogFileNames;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Takes the checkpoint of a generated table with {@code DeltaTable.checkpoint()} (classic by
 * default; V2 with sidecars when the protocol has the v2Checkpoint feature and
 * {@code delta.checkpointPolicy=v2}), then checks that the checkpoint run.sh expects is there.
 *
 * <pre>
 * Delta4jCheckpoint probe                                   exit 0 when this delta4j build has checkpoint()
 * Delta4jCheckpoint TABLE_DIR --version V --kind classic|v2
 * </pre>
 *
 * The method is looked up at run time, so this runner builds against a delta4j without it (the
 * read-path-only main) and needs no change once the checkpoint writer is merged: {@code probe}
 * tells run.sh whether tables (a) and (c) can be made.
 */
public final class Delta4jCheckpoint {
  private Delta4jCheckpoint() {}

  public static void main(String[] args) throws Throwable {
    Options o = new Options(args);
    MethodHandle checkpoint = lookup();
    if (o.arg(0, "probe or table directory").equals("probe")) {
      System.exit(checkpoint == null ? 3 : 0);
    }
    if (checkpoint == null) {
      System.err.println("This delta4j build has no DeltaTable.checkpoint() (it comes with the checkpoint writer).");
      System.exit(3);
    }
    Path dir = Path.of(o.arg(0, "table directory")).toAbsolutePath();
    long expected = o.getLong("version", -1);
    String kind = o.require("kind");
    long t0 = System.nanoTime();
    long version;
    try (DeltaTable table = DeltaTable.open(dir.toString())) {
      version = (long) checkpoint.invoke(table);
    }
    System.err.printf("delta4j checkpoint of %s at version %d: %.1f s%n", dir.getFileName(), version, (System.nanoTime() - t0) / 1e9);
    if (version != expected) {
      throw new IllegalStateException("checkpoint() returned version " + version + ", expected " + expected);
    }
    Path log = dir.resolve(LogFileNames.LOG_DIR);
    String prefix = LogFileNames.paddedVersion(version) + ".checkpoint";
    long checkpointFiles;
    try (Stream<Path> files = Files.list(log)) {
      checkpointFiles = files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
    }
    long sidecars = 0;
    if (Files.isDirectory(log.resolve(LogFileNames.SIDECAR_DIR))) {
      try (Stream<Path> files = Files.list(log.resolve(LogFileNames.SIDECAR_DIR))) {
        sidecars = files.count();
      }
    }
    if (checkpointFiles == 0) {
      throw new IllegalStateException("no checkpoint file for version " + version + " in " + log);
    }
    if (kind.equals("v2") && sidecars == 0) {
      throw new IllegalStateException("expected a V2 checkpoint with sidecars, found no file in " + LogFileNames.SIDECAR_DIR
          + ": is the table's protocol/checkpointPolicy what the V2 writer needs?");
    }
    if (kind.equals("classic") && sidecars > 0) {
      throw new IllegalStateException("expected a classic checkpoint, found sidecars");
    }
    System.err.printf("checkpoint files: %d top-level, %d sidecars%n", checkpointFiles, sidecars);
  }

  private static MethodHandle lookup() throws IllegalAccessException {
    try {
      return MethodHandles.publicLookup().findVirtual(DeltaTable.class, "checkpoint", MethodType.methodType(long.class));
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
