package io.delta4j.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared reference tables (system property {@code delta4j.shared}, default {@code ../shared}). */
public final class SharedData {
  private SharedData() {}

  /** The shared data directory; skips the calling test when it is absent. */
  public static Path root() {
    Path root = Path.of(System.getProperty("delta4j.shared", "../shared")).toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(root), "shared test data not found at " + root);
    return root;
  }

  /** A file under the shared data; skips the calling test when it is absent. */
  public static Path file(String relative) {
    Path file = root().resolve(relative);
    assumeTrue(Files.isRegularFile(file), "shared test data not found at " + file);
    return file;
  }
}
