package io.delta4j.log.checkpoint;

import io.delta4j.log.action.Action;
import io.delta4j.log.action.Sidecar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The content of {@code _delta_log/_last_checkpoint} (PROTOCOL.md, "Last Checkpoint File" and
 * "Last Checkpoint File Schema"): a pointer to a recent checkpoint, so that readers can list the log
 * from there instead of from the start.
 *
 * <p>It is only a hint. It may be missing, empty, corrupt, or stale (naming a checkpoint that
 * metadata cleanup deleted), so {@link #parse} never fails: anything it cannot trust comes back
 * empty and the caller lists the log instead.
 *
 * @param version the table version of the checkpoint
 * @param size the number of actions in the checkpoint
 * @param parts the number of parts of a multi-part checkpoint
 * @param sizeInBytes the checkpoint's size in bytes
 * @param numOfAddFiles the number of add actions in the checkpoint
 * @param checkpointSchema the Parquet schema of the checkpoint, as JSON text
 * @param tags additional metadata
 * @param v2Checkpoint part of a V2 checkpoint embedded here, so that readers can skip reading it
 * @param checksum the checksum as read; {@link #toJson} ignores it and writes a fresh one
 */
public record LastCheckpoint(
    long version,
    long size,
    OptionalInt parts,
    OptionalLong sizeInBytes,
    OptionalLong numOfAddFiles,
    Optional<String> checkpointSchema,
    Map<String, String> tags,
    Optional<V2Checkpoint> v2Checkpoint,
    Optional<String> checksum) {

  public LastCheckpoint {
    if (version < 0 || size < 0) {
      throw new IllegalArgumentException(
          "version and size must not be negative, were " + version + " and " + size);
    }
    if (parts.isPresent() && parts.getAsInt() < 1) {
      throw new IllegalArgumentException("parts must be positive, was " + parts.getAsInt());
    }
    Objects.requireNonNull(sizeInBytes, "sizeInBytes");
    Objects.requireNonNull(numOfAddFiles, "numOfAddFiles");
    Objects.requireNonNull(checkpointSchema, "checkpointSchema");
    tags = Map.copyOf(tags);
    Objects.requireNonNull(v2Checkpoint, "v2Checkpoint");
    Objects.requireNonNull(checksum, "checksum");
  }

  /** A hint with only the required fields. */
  public LastCheckpoint(long version, long size) {
    this(version, size, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(),
        Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
  }

  /**
   * The part of a V2 checkpoint a writer may embed (PROTOCOL.md, "V2 Spec": "a writer can choose to
   * embed some or all of the V2 spec checkpoint in the {@code _last_checkpoint} file"). The spec
   * does not list its fields; these are the ones Delta's writer produces.
   *
   * @param path the checkpoint file name, relative to {@code _delta_log}
   * @param nonFileActions the checkpoint's actions other than add and remove, when embedded
   * @param sidecarFiles the checkpoint's sidecars, when embedded
   */
  public record V2Checkpoint(
      String path,
      long sizeInBytes,
      long modificationTime,
      Optional<List<Action>> nonFileActions,
      Optional<List<Sidecar>> sidecarFiles) {

    public V2Checkpoint {
      Objects.requireNonNull(path, "path");
      nonFileActions = nonFileActions.map(List::copyOf);
      sidecarFiles = sidecarFiles.map(List::copyOf);
    }
  }

  /**
   * Reads a {@code _last_checkpoint} file. Empty when the content is empty, not valid JSON, has
   * duplicate keys, lacks {@code version} or {@code size}, has a field of the wrong type, or
   * carries a checksum that does not match (PROTOCOL.md, "JSON checksum"); the reason is logged at
   * DEBUG. Unknown fields are ignored.
   */
  public static Optional<LastCheckpoint> parse(byte[] content) {
    return LastCheckpointReader.parse(content, "");
  }

  /** As {@link #parse(byte[])}, naming {@code table} in the DEBUG log. */
  public static Optional<LastCheckpoint> parse(byte[] content, String table) {
    return LastCheckpointReader.parse(content, table);
  }

  /** The file content for this hint, in UTF-8, with a freshly computed checksum last. */
  public static byte[] toJson(LastCheckpoint lastCheckpoint) {
    return LastCheckpointWriter.write(lastCheckpoint);
  }
}
