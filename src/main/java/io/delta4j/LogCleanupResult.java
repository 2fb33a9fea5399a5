package io.delta4j;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@link DeltaTable#cleanupLog()} deleted from {@code _delta_log}.
 *
 * @param earliestVersion the version of the checkpoint cleanup kept, from which on every version
 *     stays readable; empty when no checkpoint is old enough, and nothing was deleted
 * @param commitsDeleted how many commit files were deleted (each a version that can no longer
 *     be loaded)
 * @param files every deleted file, as absolute URIs in deletion order: commits, checkpoints (every
 *     part), version checksums, log compactions, then unreferenced sidecars
 */
public record LogCleanupResult(OptionalLong earliestVersion, long commitsDeleted, List<URI> files) {
  public LogCleanupResult {
    Objects.requireNonNull(earliestVersion, "earliestVersion");
    files = List.copyOf(Objects.requireNonNull(files, "files"));
  }
}
