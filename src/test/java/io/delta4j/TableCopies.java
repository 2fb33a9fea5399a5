package io.delta4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/**
 * Copies of the project's own tables ({@code tests-data/}) in a test's directory, for tests that
 * change or delete files, and file times set on them (a copy's files are as new as the copy).
 */
final class TableCopies {
  /** {@code tests-data} time zero, 2024-01-01T00:00:00Z: commit {@code v} happened at T0 + v hours. */
  static final long T0 = 1_704_067_200_000L;

  private TableCopies() {}

  /** Copies {@code tests-data/<name>} to {@code <into>/<name>} and returns the copy. */
  static Path copy(String name, Path into) throws IOException {
    Path from = Path.of("tests-data", name);
    Path to = into.resolve(name);
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  /** Sets the modification time of every file under {@code dir}. */
  static void setModificationTimes(Path dir, long millis) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (Files.isRegularFile(p)) {
          Files.setLastModifiedTime(p, FileTime.fromMillis(millis));
        }
      }
    }
  }

  /** Writes {@code size} bytes to {@code file} (creating its directories) modified at {@code millis}. */
  static Path write(Path file, int size, long millis) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[size]);
    Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
    return file;
  }
}
