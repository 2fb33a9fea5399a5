package io.delta4j;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DeltaTable#vacuum} deleted, or in a dry run would delete.
 *
 * @param files the files, as absolute URIs, sorted
 * @param bytes their total size
 * @param dryRun whether this was a dry run, which deletes nothing
 */
public record VacuumResult(List<URI> files, long bytes, boolean dryRun) {
  public VacuumResult {
    files = List.copyOf(Objects.requireNonNull(files, "files"));
  }
}
