package io.delta4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The tables under a directory: every directory with a {@code _delta_log} child, the root included. */
final class ReferenceTables {
  /**
   * What Delta Lake's writers put in {@code commitInfo.engineInfo}: Apache Spark with Delta Lake
   * ({@code Apache-Spark/3.5.0 Delta-Lake/3.1.0}) or Databricks. Other writers (kernel-rs, delta-rs,
   * hand-made fixtures) name themselves differently or write no commitInfo.
   */
  private static final Pattern DELTA_ENGINE =
      Pattern.compile("\"engineInfo\"\\s*:\\s*\"(Apache-Spark|Databricks-Runtime)[^\"]*\"");
  private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");

  /**
   * A table to compare.
   *
   * @param label the path from the root's parent, e.g. {@code golden/delta-golden/basic-append}
   */
  record Table(String label, Path dir) {}

  private ReferenceTables() {}

  /**
   * The tables under {@code root}, sorted by label; with {@code deltaWrittenOnly}, those whose
   * commits name a Delta Lake writer (see {@link #DELTA_ENGINE}).
   */
  static List<Table> find(Path root, boolean deltaWrittenOnly) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    List<Table> out = new ArrayList<>();
    Files.walkFileTree(base, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.getFileName().toString().equals("_delta_log")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        if (Files.isDirectory(dir.resolve("_delta_log")) && (!deltaWrittenOnly || writtenByDelta(dir))) {
          Path relative = base.getFileName().resolve(base.relativize(dir));
          out.add(new Table(relative.toString(), dir));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    out.sort(Comparator.comparing(Table::label));
    return out;
  }

  /** Whether any commit file names a Delta Lake writer in its {@code commitInfo}. */
  static boolean writtenByDelta(Path table) {
    try (Stream<Path> files = Files.list(table.resolve("_delta_log"))) {
      return files.filter(f -> COMMIT.matcher(f.getFileName().toString()).matches())
          .anyMatch(f -> DELTA_ENGINE.matcher(read(f)).find());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
