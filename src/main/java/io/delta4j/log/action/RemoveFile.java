package io.delta4j.log.action;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code remove} action (PROTOCOL.md, "Add File and Remove File"): a tombstone, kept until
 * its retention expires so that VACUUM does not delete files still readable by time travel.
 */
public record RemoveFile(
    String path,
    OptionalLong deletionTimestamp,
    boolean dataChange,
    Optional<Boolean> extendedFileMetadata,
    Optional<Map<String, String>> partitionValues,
    OptionalLong size,
    Optional<String> stats,
    Map<String, String> tags,
    Optional<DeletionVectorDescriptor> deletionVector,
    OptionalLong baseRowId,
    OptionalLong defaultRowCommitVersion)
    implements Action, FileAction {

  public RemoveFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(deletionTimestamp, "deletionTimestamp");
    Objects.requireNonNull(extendedFileMetadata, "extendedFileMetadata");
    partitionValues = partitionValues.map(Maps::copyOf);
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(stats, "stats");
    tags = Maps.copyOf(tags);
    Objects.requireNonNull(deletionVector, "deletionVector");
    Objects.requireNonNull(baseRowId, "baseRowId");
    Objects.requireNonNull(defaultRowCommitVersion, "defaultRowCommitVersion");
  }

  @Override
  public ActionType type() {
    return ActionType.REMOVE;
  }
}
