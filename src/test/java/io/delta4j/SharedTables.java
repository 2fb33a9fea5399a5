package io.delta4j;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The shared reference tables (golden tables, delta-rs and kernel-rs test data, DAT) that the
 * conformance and corpus tests read. Located by the system property {@code delta4j.shared} (the
 * pom sets it; default {@code ../shared}); tests skip with a message when it is absent. The root
 * is resolved to its real path, so a symbolic link to the tables works with {@code Files.walk}.
 */
public final class SharedTables {
  private SharedTables() {}

  /** The configured location, whether or not it exists. */
  public static Path configured() {
    return Path.of(System.getProperty("delta4j.shared", "../shared")).toAbsolutePath().normalize();
  }

  /** The tables' real root, when present. */
  public static Optional<Path> find() {
    Path root = configured();
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try {
      return Optional.of(root.toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tables' root, or a skipped test when they are not there. */
  public static Path root() {
    Optional<Path> root = find();
    assumeTrue(root.isPresent(), () -> "Shared reference tables not found at " + configured()
        + "; set -Ddelta4j.shared=<dir> to run this test.");
    return root.get();
  }

  /** A file under the tables; skips the calling test when it is absent. */
  public static Path file(String relative) {
    Path file = root().resolve(relative);
    assumeTrue(Files.isRegularFile(file), () -> "Shared test file not found: " + file);
    return file;
  }

  /** Every regular file under {@code dir} that {@code filter} accepts, sorted by path. */
  public static List<Path> files(Path dir, Predicate<Path> filter) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).filter(filter).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
