package io.delta4j.log;

import io.delta4j.storage.FileEntry;
import java.util.Objects;

/**
 * A file of {@code _delta_log} recognised by its name (PROTOCOL.md, "Delta Log Entries",
 * "Checkpoints", "Checkpoint Naming Scheme").
 *
 * @param kind what the file is
 * @param version the version it belongs to (for a compaction, its first version)
 * @param part 1-based part number of a multi-part checkpoint, else 1
 * @param parts number of parts of a multi-part checkpoint, else 1
 * @param entry the listed file
 */
public record LogFile(Kind kind, long version, int part, int parts, FileEntry entry) {
  /** The kinds of log files a reader cares about. */
  public enum Kind {
    /** {@code N.json}. */
    COMMIT,
    /** {@code N.checkpoint.parquet}: V1, or V2 content under the classic name. */
    CLASSIC_CHECKPOINT,
    /** {@code N.checkpoint.P.T.parquet}: one part of a (deprecated) multi-part checkpoint. */
    MULTIPART_CHECKPOINT,
    /** {@code N.checkpoint.<uuid>.json|parquet}: the top-level file of a V2 checkpoint. */
    V2_CHECKPOINT,
    /** {@code N.crc}: a version checksum. */
    CHECKSUM,
    /** {@code X.Y.compacted.json}: a log compaction (optional; readers may ignore it). */
    COMPACTION
  }

  public LogFile {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(entry, "entry");
  }

  /** Whether this is any kind of checkpoint file. */
  public boolean isCheckpoint() {
    return kind == Kind.CLASSIC_CHECKPOINT || kind == Kind.MULTIPART_CHECKPOINT || kind == Kind.V2_CHECKPOINT;
  }

  /** The name relative to the table root, for messages: {@code _delta_log/<name>}. */
  public String displayName() {
    return LogFileNames.LOG_DIR + "/" + entry.name();
  }
}
