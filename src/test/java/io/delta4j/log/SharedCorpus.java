package io.delta4j.log;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The shared reference tables (golden tables, delta-rs and kernel-rs test data, DAT) that the
 * conformance tests read. Located by the system property {@code delta4j.shared} (the pom sets it;
 * default {@code ../shared}); tests skip with a message when it is absent.
 */
public final class SharedCorpus {
  private SharedCorpus() {}

  /** The corpus root, or a skipped test when it is not there. */
  public static Path root() {
    Path root = Paths.get(System.getProperty("delta4j.shared", "../shared")).toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(root), () -> "Shared reference tables not found at " + root
        + "; set -Ddelta4j.shared=<dir> to run this conformance test.");
    return root;
  }

  /** Every regular file under {@code root} that {@code filter} accepts, sorted by path. */
  public static List<Path> files(Path root, Predicate<Path> filter) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).filter(filter).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
