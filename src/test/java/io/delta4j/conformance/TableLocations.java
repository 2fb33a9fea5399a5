package io.delta4j.conformance;

import io.delta4j.StorageOptions;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the suite opens the tables it reads: where they are on disk, or twins of them elsewhere
 * ({@link S3ConformanceTest} uploads them to an S3 server), so that the same cases check reading
 * through another storage.
 *
 * @param locate the location to open for the table stored at a local root
 * @param options the storage options to open it with
 */
record TableLocations(Function<Path, String> locate, StorageOptions options) {
  /** The tables as they are on disk. */
  static TableLocations local() {
    return new TableLocations(Path::toString, StorageOptions.none());
  }

  String location(Path root) {
    return locate.apply(root);
  }
}
