package io.delta4j;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a {@link Transaction} writes, where the table's properties are not the whole answer.
 *
 * @param targetFileSize bytes at which a data file is closed and the next started; when empty, the
 *     table's {@code delta.targetFileSize}, else 128 MiB
 * @param compression {@code snappy} or {@code zstd}; when empty, the table's
 *     {@code delta.parquet.compression.codec}, else snappy
 * @param maxCommitAttempts how many times a commit is tried before giving up when concurrent
 *     writers keep taking the version (each retry first checks for conflicts); default 100
 */
public record WriteOptions(OptionalLong targetFileSize, Optional<String> compression, int maxCommitAttempts) {
  private static final WriteOptions DEFAULTS = new WriteOptions(OptionalLong.empty(), Optional.empty(), 100);

  public WriteOptions {
    Objects.requireNonNull(targetFileSize, "targetFileSize");
    Objects.requireNonNull(compression, "compression");
    if (targetFileSize.isPresent() && targetFileSize.getAsLong() < 1) {
      throw new IllegalArgumentException("targetFileSize must be positive, was " + targetFileSize.getAsLong());
    }
    if (maxCommitAttempts < 1) {
      throw new IllegalArgumentException("maxCommitAttempts must be at least 1, was " + maxCommitAttempts);
    }
  }

  public static WriteOptions defaults() {
    return DEFAULTS;
  }

  public WriteOptions withTargetFileSize(long bytes) {
    return new WriteOptions(OptionalLong.of(bytes), compression, maxCommitAttempts);
  }

  public WriteOptions withCompression(String codec) {
    return new WriteOptions(targetFileSize, Optional.of(codec), maxCommitAttempts);
  }

  public WriteOptions withMaxCommitAttempts(int attempts) {
    return new WriteOptions(targetFileSize, compression, attempts);
  }
}
