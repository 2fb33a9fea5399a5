package io.delta4j.log;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The log files that make up one version of a table: the newest complete checkpoint at or before
 * the version, then every commit after it up to the version, contiguous (PROTOCOL.md, "Action
 * Reconciliation"). The constructor checks those invariants, so a segment in hand is always
 * replayable.
 *
 * @param version the version this segment reconstructs
 * @param checkpoint the checkpoint replay starts from, if any
 * @param commits the commits after the checkpoint (or from version 0), ascending
 * @param lastCommit the commit file of {@code version} itself when it exists, even if the
 *     checkpoint covers it: its commitInfo and modification time give the version's timestamp
 */
public record LogSegment(long version, Optional<Checkpoint> checkpoint, List<LogFile> commits, Optional<LogFile> lastCommit) {
  public LogSegment {
    Objects.requireNonNull(checkpoint, "checkpoint");
    commits = List.copyOf(commits);
    Objects.requireNonNull(lastCommit, "lastCommit");
    long expected = checkpoint.map(c -> c.version() + 1).orElse(0L);
    for (LogFile commit : commits) {
      if (commit.kind() != LogFile.Kind.COMMIT || commit.version() != expected) {
        throw new IllegalArgumentException("Commit " + commit.displayName() + " out of sequence; expected version " + expected);
      }
      expected++;
    }
    if (expected - 1 != version) {
      throw new IllegalArgumentException("Segment ends at version " + (expected - 1) + ", not " + version);
    }
  }

  /** The version replay starts after: the checkpoint's, or -1 without one. */
  public long checkpointVersion() {
    return checkpoint.map(Checkpoint::version).orElse(-1L);
  }
}
