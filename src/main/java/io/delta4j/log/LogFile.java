package io.delta4j.log;

import io.delta4j.storage.Locations;
import java.net.URI;
import java.util.Objects;

/**
 * A file of {@code _delta_log} recognised by its name (PROTOCOL.md, "Delta Log Entries",
 * "Checkpoints", "Checkpoint Naming Scheme").
 *
 * <p>It keeps the directory and the name rather than the file's URI: a snapshot holds one of these
 * per commit after its checkpoint, and a URI per file (with its string forms) was most of what an
 * opened snapshot kept in memory. Every file of a listing shares one directory instance.
 *
 * @param kind what the file is
 * @param version the version it belongs to (for a compaction, its first version)
 * @param part 1-based part number of a multi-part checkpoint, else 1
 * @param parts number of parts of a multi-part checkpoint, else 1
 * @param dir the directory it was listed in, absolute, ending in {@code /}
 * @param name its name in {@code dir}, decoded (for example {@code 00000000000000000010.json})
 * @param size length in bytes
 * @param modificationTime last modification, milliseconds since the epoch
 */
public record LogFile(Kind kind, long version, int part, int parts, URI dir, String name, long size, long modificationTime) {
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
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(name, "name");
  }

  /** The absolute location of the file. */
  public URI location() {
    // Appended rather than resolved: a name such as 1.checkpoint.a:b.json would read as a scheme.
    return URI.create(dir + Locations.encodePath(name));
  }

  /** Whether this is any kind of checkpoint file. */
  public boolean isCheckpoint() {
    return kind == Kind.CLASSIC_CHECKPOINT || kind == Kind.MULTIPART_CHECKPOINT || kind == Kind.V2_CHECKPOINT;
  }

  /** The name relative to the table root, for messages: {@code _delta_log/<name>}. */
  public String displayName() {
    return LogFileNames.LOG_DIR + "/" + name;
  }
}
