package io.delta4j.log.action;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code add} action (PROTOCOL.md, "Add File and Remove File").
 *
 * @param path URI-encoded path, relative to the table root or absolute, exactly as in the log
 * @param partitionValues partition column (physical name) to serialized value; a null value means
 *     a null partition
 * @param stats the per-file statistics JSON string, parsed lazily by whoever needs it
 */
public record AddFile(
    String path,
    Map<String, String> partitionValues,
    long size,
    long modificationTime,
    boolean dataChange,
    Optional<String> stats,
    Map<String, String> tags,
    Optional<DeletionVectorDescriptor> deletionVector,
    OptionalLong baseRowId,
    OptionalLong defaultRowCommitVersion,
    Optional<String> clusteringProvider)
    implements Action, FileAction {

  public AddFile {
    Objects.requireNonNull(path, "path");
    partitionValues = Maps.copyOf(partitionValues);
    Objects.requireNonNull(stats, "stats");
    tags = Maps.copyOf(tags);
    Objects.requireNonNull(deletionVector, "deletionVector");
    Objects.requireNonNull(baseRowId, "baseRowId");
    Objects.requireNonNull(defaultRowCommitVersion, "defaultRowCommitVersion");
    Objects.requireNonNull(clusteringProvider, "clusteringProvider");
  }

  @Override
  public ActionType type() {
    return ActionType.ADD;
  }
}
